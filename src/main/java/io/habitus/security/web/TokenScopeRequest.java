package io.habitus.security.web;

import io.habitus.security.TokenScope;
import io.habitus.security.TokenScope.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Schema(description = """
        Limits what the token's events may be about and which event endpoints it may call. Each field is \
        optional: absent means unrestricted; a list must name at least one value. The scope is checked on \
        POST /api/v1/events and POST /api/v1/score: a request with any event outside it is answered 403 \
        and nothing is stored or scored.""")
record TokenScopeRequest(
        @Schema(description = "Namespaces (`container.namespace`) the events may name; an event without one is outside",
                example = "[\"web\", \"payments\"]")
        @Size(min = 1, max = 100)
        @Nullable List<@NotBlank @Size(max = 63) @Pattern(regexp = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
                message = "must be a Kubernetes namespace name") String> namespaces,
        @Schema(description = "Clusters (`container.cluster`) the events may name; an event without one is outside",
                example = "[\"prod-eu\"]")
        @Size(min = 1, max = 100)
        @Nullable List<@NotBlank @Size(max = 200) @Pattern(regexp = "^[\\x21-\\x7E]+$", message = "must be printable ASCII without spaces")
                String> clusters,
        @Schema(description = "INGEST: POST /api/v1/events; SCORE: POST /api/v1/score. A committed score "
                + "(commit=true) stores events, so it needs both", example = "[\"INGEST\"]")
        @Size(min = 1, max = 2) @Nullable List<@NotNull Operation> operations) {

    TokenScope toScope() {
        return new TokenScope(namespaces, clusters, operations == null ? null : operations.stream().distinct().toList());
    }
}
