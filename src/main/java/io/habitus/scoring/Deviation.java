package io.habitus.scoring;

import io.habitus.behavior.ObservedTransition;
import io.habitus.ingest.RuntimeEvent;
import io.habitus.shared.Verdict;
import java.time.Instant;
import java.util.Objects;

/**
 * An event that broke its image's habit: which rule (kind and generalised value) failed, why, and
 * which profile (and model) version judged it.
 *
 * @param rawValue the token before generalisation, to show what really happened
 * @param transition the moment it happened in: state before, token, state after
 */
public record Deviation(
        String digest, String containerId, String node, Verdict verdict, String ruleKind, String ruleValue,
        String rawValue, String reason, RuntimeEvent event, Instant time, int profileVersion, String profileChecksum,
        Integer modelVersion, Double score, Double threshold, ObservedTransition transition) {

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
