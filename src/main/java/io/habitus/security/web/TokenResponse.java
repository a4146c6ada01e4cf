package io.habitus.security.web;

import io.habitus.security.Role;
import io.habitus.security.internal.ApiToken;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Schema(description = "An API token; the secret itself is shown only once, when the token is created")
record TokenResponse(
        UUID id,
        @Schema(example = "node-agents-prod-eu") String name,
        Role role,
        @Schema(description = "What the token's events may be about and which event endpoints it may call; null: "
                + "unrestricted") @Nullable TokenScopeResponse scope,
        @Schema(description = "First characters of the secret, to recognise it", example = "hab_Xk3v9Q") String prefix,
        Instant createdAt,
        String createdBy,
        @Schema(description = "When the token was revoked; null while it is valid") @Nullable Instant revokedAt) {

    static TokenResponse of(ApiToken token) {
        return new TokenResponse(token.id(), token.name(), token.role(), TokenScopeResponse.of(token.scope()), token.prefix(), token.createdAt(),
                token.createdBy(), token.revokedAt());
    }
}
