package io.habitus.security.web;

import io.habitus.security.TokenScope;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Schema(name = "TokenScope", description = "What the token's events may be about; null in a field means unrestricted")
record TokenScopeResponse(
        @Schema(description = "Namespaces its events may name; null: any", example = "[\"web\"]") @Nullable List<String> namespaces,
        @Schema(description = "Clusters its events may name; null: any", example = "[\"prod-eu\"]") @Nullable List<String> clusters,
        @Schema(description = "Event endpoints it may call; null: all its role allows", example = "[\"INGEST\"]")
        @Nullable List<TokenScope.Operation> operations) {

    /** Null for an unrestricted token, so that a listing shows at a glance which tokens are scoped. */
    static @Nullable TokenScopeResponse of(TokenScope scope) {
        return scope.unrestricted() ? null
                : new TokenScopeResponse(scope.namespaces(), scope.clusters(), scope.operations());
    }
}
