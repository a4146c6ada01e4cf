package io.habitus.behavior;

import java.util.Objects;

/**
 * One event as a token: the generalised token that profiles and models learn, and the same
 * token before generalisation, kept as the raw example people see next to a pattern.
 */
public record TokenizedEvent(Token token, Token raw) {

    public TokenizedEvent {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(raw, "raw");
        if (token.kind() != raw.kind()) {
            throw new IllegalArgumentException("token and raw example differ in kind: " + token + " / " + raw);
        }
    }
}
