package io.habitus.security.persistence;

import io.habitus.security.Role;
import io.habitus.security.TokenScope;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A stored token: the SHA-256 of its secret, never the secret. {@code revokedAt} is null while it is valid. */
public record ApiTokenRow(
        UUID id, String name, Role role, TokenScope scope, String secretHash, String prefix, Instant createdAt, String createdBy,
        @Nullable Instant revokedAt) {

    public ApiTokenRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
    }
}
