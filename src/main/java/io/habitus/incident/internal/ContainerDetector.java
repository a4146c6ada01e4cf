package io.habitus.incident.internal;

import java.time.Instant;
import java.util.Set;

/** A READY detector in memory: what its window learned, plus sequences people allowed since. */
record ContainerDetector(long id, String digest, int window, LearnedSequences learned, Set<Long> allowed,
        SequenceNovelty novelty, MixReferences mix, double mixThreshold, SequenceRarity rarity, double rarityThreshold,
        double combinedThreshold, double modelThreshold, boolean violationOpens, Instant readyAt) {

    /** The sequence evidence's threshold. */
    double threshold() {
        return novelty.threshold();
    }

    /**
     * The largest of the four evidences, each over its threshold, and of the combined evidence (the
     * sequence and rarity ratios summed) over its threshold: an incident opens above 1.
     */
    double risk(double evidence, double mixEvidence, double rarityEvidence, double modelEvidence) {
        double risk = Math.max(Math.max(evidence / threshold(), mixEvidence / mixThreshold), modelEvidence / modelThreshold);
        if (rarityThreshold <= 0) {
            return risk;
        }
        risk = Math.max(risk, rarityEvidence / rarityThreshold);
        return combinedThreshold > 0 ? Math.max(risk, combined(evidence, rarityEvidence) / combinedThreshold) : risk;
    }

    /** The combined evidence: the sequence and rarity evidence, each over its own threshold, summed. */
    double combined(double evidence, double rarityEvidence) {
        return evidence / threshold() + (rarityThreshold > 0 ? rarityEvidence / rarityThreshold : 0);
    }

    boolean knows(long fingerprint) {
        return learned.contains(fingerprint) || (!allowed.isEmpty() && allowed.contains(fingerprint));
    }
}
