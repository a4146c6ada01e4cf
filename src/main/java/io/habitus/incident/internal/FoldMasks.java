package io.habitus.incident.internal;

import java.util.Arrays;

/**
 * For each distinct fingerprint of a window, the folds whose containers showed it (one bit per
 * fold), so that "seen by any other fold" is a binary search and a mask test, in two primitive
 * arrays instead of one hash set per fold.
 */
final class FoldMasks {

    private final long[] fingerprints;
    private final int[] masks;

    private FoldMasks(long[] fingerprints, int[] masks) {
        this.fingerprints = fingerprints;
        this.masks = masks;
    }

    static FoldMasks of(long[] fingerprints, int[] folds) {
        Integer[] order = new Integer[fingerprints.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(fingerprints[a], fingerprints[b]));
        long[] distinct = new long[fingerprints.length];
        int[] masks = new int[fingerprints.length];
        int n = -1;
        for (int i : order) {
            if (n < 0 || distinct[n] != fingerprints[i]) {
                distinct[++n] = fingerprints[i];
            }
            masks[n] |= 1 << folds[i];
        }
        return new FoldMasks(Arrays.copyOf(distinct, n + 1), Arrays.copyOf(masks, n + 1));
    }

    boolean seenOutside(long fingerprint, int fold) {
        int i = Arrays.binarySearch(fingerprints, fingerprint);
        return i >= 0 && (masks[i] & ~(1 << fold)) != 0;
    }

    int distinct() {
        return fingerprints.length;
    }
}
