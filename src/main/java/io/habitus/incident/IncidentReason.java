package io.habitus.incident;

import io.habitus.shared.Verdict;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One event that added to an incident's evidence: a sequence the image never showed while
 * learning, or a broken profile rule.
 *
 * @param sequence the acting process's last tokens and the event's, oldest first
 * @param sequenceFingerprint the sequence's 64-bit fingerprint in hex; marking the incident a false positive
 *                            makes the detector treat it as learned
 * @param evidence the container's evidence right after it
 */
public record IncidentReason(Instant time, String token, Verdict verdict, @Nullable Double score, @Nullable String sequence,
        @Nullable String sequenceFingerprint, double evidence) {}
