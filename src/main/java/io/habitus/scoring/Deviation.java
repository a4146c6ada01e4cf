package io.habitus.scoring;

import io.habitus.behavior.ObservedTransition;
import io.habitus.ingest.RuntimeEvent;
import io.habitus.shared.Verdict;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An event that broke its image's habit: which rule (kind and generalised value) failed, why, and
 * which profile (and model) version judged it.
 *
 * @param rawValue the token before generalisation, to show what really happened
 * @param transition the moment it happened in: state before, token, state after
 */
public record Deviation(
        String digest, String containerId, @Nullable String node, Verdict verdict, String ruleKind, String ruleValue,
        String rawValue, String reason, RuntimeEvent event, Instant time, int profileVersion, String profileChecksum,
        @Nullable Integer modelVersion, @Nullable Double score, @Nullable Double threshold, ObservedTransition transition) {

    /** The rule kind of ANOMALOUS deviations: the transition as a whole, not one allowlist rule. */
    public static final String TRANSITION = "TRANSITION";

    /** The deviation a judgement found; only for VIOLATION and ANOMALOUS judgements. */
    public static Deviation of(Judgement j) {
        ObservedTransition t = j.transition();
        boolean violation = j.breach() != null;
        return new Deviation(t.digest(), t.containerId(), t.event().container().node(), j.verdict(),
                violation ? j.breach().kind().name() : TRANSITION,
                violation ? j.breach().value() : t.tokens().token().text(),
                violation ? t.tokens().raw().value() : t.tokens().raw().text(),
                violation ? j.breach().reason() : j.explanation(),
                t.event(), t.event().time(), j.profile().version(), j.profile().checksum(),
                j.model() == null ? null : j.model().version(), j.score(), j.threshold(), t);
    }

    public Deviation {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(containerId, "containerId");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(ruleKind, "ruleKind");
        Objects.requireNonNull(ruleValue, "ruleValue");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(transition, "transition");
        if (verdict != Verdict.VIOLATION && verdict != Verdict.ANOMALOUS) {
            throw new IllegalArgumentException("only VIOLATION and ANOMALOUS are deviations, not " + verdict);
        }
    }
}
