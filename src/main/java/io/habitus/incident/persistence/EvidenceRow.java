package io.habitus.incident.persistence;

import org.jspecify.annotations.Nullable;

/**
 * A container's running evidence since its episode began: {@code novelEvents} counts events whose
 * container sequence was novel, {@code novelLocals} and {@code novelActions} those novel as the
 * acting process's own sequence and as its action; {@code rarityLevel} and
 * {@code rarityLongLevel} are the container's recent rarity at the short and the long memory and
 * {@code rarityPeak} the episode's largest rarity evidence. {@code anomalousEvents} counts the
 * distinct container sequences the model judged ANOMALOUS, {@code anomalousSeen} is the filter that
 * tells them apart (null until the first). {@code revision} names the stored version (a
 * random number per write), so that counts held in memory can be told current or not.
 */
public record EvidenceRow(String containerId, String digest, long detectorId, long events, long novelEvents,
        long novelLocals, long novelActions,
        double evidence, double peakEvidence, double mixEvidence, boolean violated, long anomalousEvents,
        double modelEvidence, double rarityLevel, double rarityLongLevel, double rarityPeak, byte @Nullable [] anomalousSeen, PairCounts pairs,
        @Nullable Long incidentId, long revision) {}
