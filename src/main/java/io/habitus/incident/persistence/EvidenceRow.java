package io.habitus.incident.persistence;

/** A container's running evidence since its episode began. */
public record EvidenceRow(String containerId, String digest, long detectorId, long events, long novelEvents,
        double evidence, double peakEvidence, double mixEvidence, boolean violated, long anomalousEvents,
        double modelEvidence, byte[] pairCounts, Long incidentId) {}
