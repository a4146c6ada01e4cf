package io.habitus.incident.internal;

import java.time.Instant;
import java.util.Set;

/** A READY detector in memory: what its window learned, plus sequences people allowed since. */
record ContainerDetector(long id, String digest, int window, LearnedSequences learned, Set<Long> allowed,
        SequenceNovelty novelty, MixReferences mix, double mixThreshold, SequenceRarity rarity, double rarityThreshold,
        double modelThreshold, boolean violationOpens, Instant readyAt) {

    /** The sequence evidence's threshold. */
    double threshold() {
        return novelty.threshold();
    }

    /** The largest of the four evidences, each over its threshold: an incident opens above 1. */
    double risk(double evidence, double mixEvidence, double rarityEvidence, double modelEvidence) {
        double risk = Math.max(Math.max(evidence / threshold(), mixEvidence / mixThreshold), modelEvidence / modelThreshold);
        return rarityThreshold > 0 ? Math.max(risk, rarityEvidence / rarityThreshold) : risk;
    }

    boolean knows(long fingerprint) {
        return learned.contains(fingerprint) || (!allowed.isEmpty() && allowed.contains(fingerprint));
    }
}
