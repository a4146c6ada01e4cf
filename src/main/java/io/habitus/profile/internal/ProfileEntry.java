package io.habitus.profile.internal;

import io.habitus.behavior.TokenKind;
import io.habitus.profile.RuleRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One allowlist rule with its provenance: learned (with how often, on how many containers and
 * nodes, and when it was seen, plus raw examples) or added by a person (who and why).
 */
public record ProfileEntry(
        TokenKind kind, String pattern, EntryOrigin origin, @Nullable String addedBy, @Nullable String reason, long count,
        int containers, int nodes, @Nullable Instant firstSeen, @Nullable Instant lastSeen, List<String> examples) {

    public ProfileEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(origin, "origin");
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    public RuleRef rule() {
        return new RuleRef(kind, pattern);
    }

    public static ProfileEntry manual(TokenKind kind, String pattern, String addedBy, String reason) {
        return new ProfileEntry(kind, pattern, EntryOrigin.MANUAL, addedBy, reason, 0, 0, 0, null, null, List.of());
    }
}
