package io.habitus.profile.internal;

import io.habitus.behavior.TokenKind;

/** A rule a person adds, and why. */
public record NewRule(TokenKind kind, String pattern, String reason) {}
