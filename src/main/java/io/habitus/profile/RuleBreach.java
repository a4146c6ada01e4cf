package io.habitus.profile;

import io.habitus.behavior.TokenKind;

/** Why a token is outside a profile: the kind and value that failed, in words a person reads. */
public record RuleBreach(TokenKind kind, String value, String reason) {}
