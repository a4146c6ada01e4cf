package io.habitus.incident.internal;

import io.habitus.shared.Verdict;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One event that added to an incident's evidence: a sequence the image never showed while
 * learning, or a broken profile rule.
 *
 * @param sequence the shortest novel sequence the event ended: the acting process's action, its own last tokens
 *                 and the event's, or the container's last tokens and the event's (oldest first)
 * @param sequenceFingerprint that sequence's 64-bit fingerprint in hex
 * @param fingerprints the fingerprints of every novel sequence the event ended; marking the incident a false
 *                     positive makes the detector treat them as learned
 * @param evidence the container's evidence right after it
 */
public record IncidentReason(Instant time, String token, Verdict verdict, @Nullable Double score, @Nullable String sequence,
        @Nullable String sequenceFingerprint, List<String> fingerprints, double evidence) {

    public IncidentReason {
        // Reasons stored before several lengths were learned name one fingerprint.
        fingerprints = fingerprints != null ? List.copyOf(fingerprints)
                : sequenceFingerprint == null ? List.of() : List.of(sequenceFingerprint);
    }
}
