package io.habitus.security;

import java.util.Objects;

/** Who made a request: the token's name (or {@code bootstrap-admin}), its role and its scope. */
public record Caller(String name, Role role, TokenScope scope) {

    public Caller {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(scope, "scope");
    }

    /** A caller limited by its role only. */
    public Caller(String name, Role role) {
        this(name, role, TokenScope.UNRESTRICTED);
    }
}
