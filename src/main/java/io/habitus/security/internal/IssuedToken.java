package io.habitus.security.internal;

/** A token just created, with its secret: the only time the secret is ever shown. */
public record IssuedToken(ApiToken token, String secret) {}
