package io.habitus.profile.internal;

import io.habitus.behavior.TokenKind;
import org.jspecify.annotations.Nullable;

/** A rule a person adds, and why. */
public record NewRule(TokenKind kind, String pattern, @Nullable String reason) {}
