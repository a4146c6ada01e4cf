package io.habitus.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.support.Api;
import io.habitus.support.Events;
import io.habitus.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The other half of the contract replay ({@link ApiContractTests}): refusals and problems. Every
 * documented operation is called without a token, with each role, on unknown resources, with
 * malformed, mistyped and unacceptable requests; every answer must be a status the operation
 * declares, with its headers and a problem body of a documented type.
 */
class RefusalContractTests extends IntegrationTest {

    private final ContractLog log = new ContractLog();

    @Test
    void everyOperationDeclaresItsRefusalsAndProblems() {
        String agent = api().post("/api/v1/tokens", Api.json(Map.of("name", "sweep-agent", "role", "AGENT")))
                .json().get("secret").stringValue();
        String analyst = api().post("/api/v1/tokens", Api.json(Map.of("name", "sweep-analyst", "role", "ANALYST")))
                .json().get("secret").stringValue();
        for (String operation : ContractLog.CONTRACT.operations()) {
            String method = operation.substring(0, operation.indexOf(' '));
            String template = operation.substring(operation.indexOf(' ') + 1);
            String path = unknownResource(template);
            boolean body = !method.equals("GET") && !method.equals("DELETE");
            for (Api caller : List.of(api(null), api("hab_unknown"), api(agent), api(analyst), api())) {
                log.record(method, template, send(caller, method, path, body ? "{}" : null, "application/json"));
            }
            log.record(method, template, api().send(method, path, body ? "application/json" : null,
                    (body ? "{}" : "").getBytes(StandardCharsets.UTF_8), "Accept", "text/csv"));
            if (body) {
                log.record(method, template, send(api(), method, path, "{\"not json", "application/json"));
                log.record(method, template, send(api(), method, path, "<x/>", "application/xml"));
                log.record(method, template, send(api(), method, path, "[1, 2]", "application/json"));
            }
        }
        assertThat(log.violations).as("answers the document does not describe").isEmpty();
        assertThat(log.statuses).as("the sweep met every kind of refusal").contains(400, 401, 403, 404, 406, 415);
    }

    private static String unknownResource(String template) {
        String path = template.replace("{digest}", Events.newDigest());
        if (template.startsWith("/api/v1/tokens/")) {
            path = path.replace("{id}", "6f0c1a52-3c1e-4a8e-9d59-0d2c4f8e9a10");
        }
        return path.replaceAll("\\{[^}]+}", "987654");
    }

    private static Api.Reply send(Api api, String method, String path, String body, String contentType) {
        return switch (method) {
            case "GET" -> api.get(path);
            case "DELETE" -> api.delete(path);
            default -> api.send(method, path, contentType, body.getBytes(StandardCharsets.UTF_8));
        };
    }
}
