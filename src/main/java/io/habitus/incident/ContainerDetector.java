package io.habitus.incident;

import java.time.Instant;
import java.util.Set;

/** A READY detector in memory: what its window learned, plus sequences people allowed since. */
record ContainerDetector(long id, String digest, int window, LearnedSequences learned, Set<Long> allowed,
        SequenceNovelty novelty, MixReferences mix, double mixThreshold, double modelThreshold,
        boolean violationOpens, Instant readyAt) {

    /** The largest of the three evidences, each over its threshold: an incident opens above 1. */
    double threshold() {
        return novelty.threshold();
    }

    double risk(double evidence, double mixEvidence, double modelEvidence) {
        double threshold = threshold();
        return Math.max(Math.max(evidence / threshold, mixEvidence / mixThreshold), modelEvidence / modelThreshold);
    }

    boolean knows(long fingerprint) {
        return learned.contains(fingerprint) || (!allowed.isEmpty() && allowed.contains(fingerprint));
    }
}
