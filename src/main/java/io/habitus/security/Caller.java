package io.habitus.security;

/** Who made a request: the token's name (or {@code bootstrap-admin}) and its role. */
public record Caller(String name, Role role) {}
