package io.habitus.incident.internal;

import io.habitus.incident.IncidentTrigger;
import java.time.Instant;
import java.util.Set;

/**
 * A READY detector in memory: what its window learned, plus sequences people allowed since.
 *
 * @param violationOpens whether a broken profile rule opens an incident at once
 * @param newActionOpens whether a process's new action (one no learning container's process of its kind did)
 *                       opens an incident at once: only where held-out learning containers (almost) never
 *                       made one, in a window large enough to say so
 */
record ContainerDetector(long id, String digest, int window, LearnedSequences learned, Set<Long> allowed,
        SequenceNovelty novelty, MixReferences mix, double mixThreshold, SequenceRarity rarity, double rarityThreshold,
        double longRarityThreshold, double modelThreshold, boolean violationOpens, boolean newActionOpens, Instant readyAt) {

    /** The sequence evidence's threshold. */
    double threshold() {
        return novelty.threshold();
    }

    /** The four evidences, in the order {@link #strongest} prefers them on a tie. */
    private static final IncidentTrigger[] EVIDENCES = {IncidentTrigger.SEQUENCES, IncidentTrigger.MIX,
        IncidentTrigger.RARITY, IncidentTrigger.MODEL};

    /** The largest of the four evidences, each over its threshold: an incident opens above 1. */
    double risk(double evidence, double mixEvidence, double rarityEvidence, double modelEvidence) {
        double risk = 0;
        for (IncidentTrigger each : EVIDENCES) {
            risk = Math.max(risk, ratio(each, evidence, mixEvidence, rarityEvidence, modelEvidence));
        }
        return risk;
    }

    /** The evidence furthest over its threshold: the one {@link #risk} is. */
    IncidentTrigger strongest(double evidence, double mixEvidence, double rarityEvidence, double modelEvidence) {
        IncidentTrigger strongest = EVIDENCES[0];
        double largest = ratio(strongest, evidence, mixEvidence, rarityEvidence, modelEvidence);
        for (IncidentTrigger each : EVIDENCES) {
            double ratio = ratio(each, evidence, mixEvidence, rarityEvidence, modelEvidence);
            if (ratio > largest) {
                strongest = each;
                largest = ratio;
            }
        }
        return strongest;
    }

    /** One evidence over its threshold; rarity counts for nothing in a detector built before it was learned. */
    private double ratio(IncidentTrigger which, double evidence, double mixEvidence, double rarityEvidence,
            double modelEvidence) {
        return switch (which) {
            case SEQUENCES -> evidence / threshold();
            case MIX -> mixEvidence / mixThreshold;
            case RARITY -> rarityThreshold > 0 ? rarityEvidence / rarityThreshold : 0;
            case MODEL -> modelEvidence / modelThreshold;
            case BROKEN_RULE, NEW_ACTION -> throw new IllegalArgumentException(which + " is no evidence");
        };
    }

    /**
     * The rarity evidence of the container's two rarity levels ({@link SequenceRarity}): the larger, the long
     * memory's scaled to the short memory's threshold, so that one evidence and one threshold speak for both
     * (as {@link SequenceNovelty} does for the three lengths); the short level alone for a detector without a
     * long threshold.
     */
    double rarityEvidence(double level, double longLevel) {
        return longRarityThreshold > 0 ? Math.max(level, longLevel * rarityThreshold / longRarityThreshold) : level;
    }

    boolean knows(long fingerprint) {
        return learned.contains(fingerprint) || (!allowed.isEmpty() && allowed.contains(fingerprint));
    }
}
