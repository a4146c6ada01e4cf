package io.habitus.profile;

import io.habitus.behavior.TokenKind;
import java.util.Objects;

/** Names one rule of a profile: its kind and its (possibly generalised) pattern. */
public record RuleRef(TokenKind kind, String pattern) implements Comparable<RuleRef> {

    public RuleRef {
        Objects.requireNonNull(kind, "kind");
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("a rule needs a pattern");
        }
    }

    @Override
    public int compareTo(RuleRef other) {
        int byKind = kind.compareTo(other.kind);
        return byKind != 0 ? byKind : pattern.compareTo(other.pattern);
    }

    @Override
    public String toString() {
        return kind.verb() + " " + pattern;
    }
}
