package io.habitus.incident.internal;

/**
 * The ages (events lived) at which a container's mix is compared with the learning containers' mixes
 * at the same age: 16, 32, 64, … A start-up is compared with start-ups and a long life with long
 * lives, so a young container's few events are not held against the mix of a whole life.
 */
final class MixCheckpoints {

    static final int FIRST = 16;
    /** 2^30 events: past it a container's mix is no longer compared (documented limit). */
    static final int LAST = 1 << 30;

    private MixCheckpoints() {
    }

    static boolean isCheckpoint(long events) {
        return events >= FIRST && events <= LAST && Long.bitCount(events) == 1;
    }

    /** Index of a checkpoint: 0 for 16, 1 for 32, … */
    static int index(long checkpoint) {
        return Long.numberOfTrailingZeros(checkpoint) - Long.numberOfTrailingZeros(FIRST);
    }
}
