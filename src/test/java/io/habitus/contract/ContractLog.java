package io.habitus.contract;

import io.habitus.support.Api;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What a replay saw: the answers the committed document does not describe, the statuses met, the operations that succeeded. */
final class ContractLog {

    static final OpenApiContract CONTRACT = OpenApiContract.committed();

    final Set<String> violations = new LinkedHashSet<>();
    final Set<String> succeeded = new TreeSet<>();
    final Set<Integer> statuses = new TreeSet<>();

    /** Checks one answer of the operation {@code method template} ({@code template} may carry a query). */
    void record(String method, String template, Api.Reply reply) {
        String operation = template.contains("?") ? template.substring(0, template.indexOf('?')) : template;
        Map<String, String> headers = new LinkedHashMap<>();
        reply.raw().headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
        List<String> found = CONTRACT.violations(method, operation, new OpenApiContract.Answer(reply.status(),
                reply.contentType(), headers, reply.raw().body()));
        // One line per kind of violation, not one per array element.
        found.forEach(v -> violations.add(v.replaceAll("/\\d+(?=[/ ])", "/*")));
        statuses.add(reply.status());
        if (found.isEmpty() && reply.status() / 100 == 2) {
            succeeded.add(method + " " + operation);
        }
    }
}
