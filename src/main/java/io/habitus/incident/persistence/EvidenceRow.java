package io.habitus.incident.persistence;

import org.jspecify.annotations.Nullable;

/**
 * A container's running evidence since its episode began: {@code novelEvents} counts events whose
 * container sequence was novel, {@code novelLocals} and {@code novelActions} those novel as the
 * acting process's own sequence and as its action.
 */
public record EvidenceRow(String containerId, String digest, long detectorId, long events, long novelEvents,
        long novelLocals, long novelActions,
        double evidence, double peakEvidence, double mixEvidence, boolean violated, long anomalousEvents,
        double modelEvidence, byte[] pairCounts, @Nullable Long incidentId) {}
