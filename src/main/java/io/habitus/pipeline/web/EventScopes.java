package io.habitus.pipeline.web;

import io.habitus.security.Caller;
import io.habitus.security.OutsideScopeException;
import io.habitus.security.TokenScope;
import io.habitus.shared.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Holds a scoped token to its scope before anything is validated, stored or scored. A request with
 * one event outside the scope is refused whole (403, the events listed): a scope is what the agent
 * behind the token watches, so such an event means a misconfigured or compromised agent, and a
 * refusal that stores nothing is louder than quietly dropping events, and leaves the batch id free
 * for a corrected retry.
 */
final class EventScopes {

    private EventScopes() {}

    /** Refuses the call when the token may not perform {@code operation}. */
    static void allow(Caller caller, TokenScope.Operation operation) {
        TokenScope scope = caller.scope();
        if (!scope.allows(operation)) {
            throw new OutsideScopeException("This token's scope allows only " + scope.operations() + ", not "
                    + operation, List.of());
        }
    }

    /** Refuses the call when one of the events (of the request field {@code list}) is outside the scope. */
    static void cover(Caller caller, String list, @Nullable List<JsonNode> events) {
        TokenScope scope = caller.scope();
        if (scope.unrestricted() || events == null) {
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            JsonNode container = events.get(i) == null ? null : events.get(i).get("container");
            String namespace = text(container, "namespace");
            String cluster = text(container, "cluster");
            if (!scope.coversNamespace(namespace)) {
                errors.add(new FieldError(i, "container.namespace",
                        "must be one of this token's namespaces " + scope.namespaces()));
            } else if (!scope.coversCluster(cluster)) {
                errors.add(new FieldError(i, "container.cluster",
                        "must be one of this token's clusters " + scope.clusters()));
            }
        }
        if (!errors.isEmpty()) {
            throw new OutsideScopeException(errors.size() + " of the " + events.size() + " " + list
                    + " are outside this token's scope; nothing was stored or scored", errors);
        }
    }

    private static @Nullable String text(@Nullable JsonNode container, String field) {
        JsonNode value = container == null ? null : container.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
