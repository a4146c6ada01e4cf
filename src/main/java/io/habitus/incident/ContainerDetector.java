package io.habitus.incident;

import java.time.Instant;
import java.util.Set;

/** A READY detector in memory: what its window learned, plus sequences people allowed since. */
record ContainerDetector(long id, String digest, int window, LearnedSequences learned, Set<Long> allowed,
        double noveltyRate, double threshold, Instant readyAt) {

    boolean knows(long fingerprint) {
        return learned.contains(fingerprint) || allowed.contains(fingerprint);
    }
}
