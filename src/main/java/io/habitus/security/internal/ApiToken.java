package io.habitus.security.internal;

import io.habitus.security.Role;
import io.habitus.security.TokenScope;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A bearer token as people see it: never the secret, only its first characters to recognise it.
 * {@code revokedAt} is null while the token is valid.
 */
public record ApiToken(
        UUID id, String name, Role role, TokenScope scope, String prefix, Instant createdAt, String createdBy,
        @Nullable Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
