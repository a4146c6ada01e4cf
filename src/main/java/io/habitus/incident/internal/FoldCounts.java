package io.habitus.incident.internal;

import java.util.Arrays;

/**
 * For each distinct fingerprint of a window, how many events of each fold ended it, so that a
 * held-out container's rarity ({@link SequenceRarity}) is judged on the counts of the other folds
 * only, as its novelty is ({@link FoldMasks}).
 */
final class FoldCounts {

    private final long[] keys;
    private final int[] counts;
    private final int folds;
    private final long[] eventsPerFold;
    private final long events;

    private FoldCounts(long[] keys, int[] counts, int folds, long[] eventsPerFold) {
        this.keys = keys;
        this.counts = counts;
        this.folds = folds;
        this.eventsPerFold = eventsPerFold;
        this.events = Arrays.stream(eventsPerFold).sum();
    }

    /**
     * @param fingerprints the fingerprints (several lengths may share the array: they are salted apart)
     * @param foldOf       each fingerprint's fold
     * @param eventsPerFold how many events each fold has (a length's events, not the array's size)
     */
    static FoldCounts of(long[] fingerprints, int[] foldOf, int folds, long[] eventsPerFold) {
        long[] keys = fingerprints.clone();
        Arrays.sort(keys);
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (n == 0 || keys[n - 1] != keys[i]) {
                keys[n++] = keys[i];
            }
        }
        keys = Arrays.copyOf(keys, n);
        int[] counts = new int[n * folds];
        for (int i = 0; i < fingerprints.length; i++) {
            counts[Arrays.binarySearch(keys, fingerprints[i]) * folds + foldOf[i]]++;
        }
        return new FoldCounts(keys, counts, folds, eventsPerFold.clone());
    }

    /** The rarity of a fingerprint for a container of {@code fold}, counted on the other folds ({@link SequenceRarity}). */
    double rarityOutside(long fingerprint, int fold) {
        int i = Arrays.binarySearch(keys, fingerprint);
        long count = 0;
        if (i >= 0) {
            for (int f = 0; f < folds; f++) {
                count += f == fold ? 0 : counts[i * folds + f];
            }
        }
        long outside = events - eventsPerFold[fold];
        if (outside <= 0) {
            return 0;
        }
        // The unseen pseudo-count scaled with the part of the window counted, so that a sequence every
        // learning container ends once has the same rarity here as against the whole window (with a
        // fixed 0.1 the smaller part would make common sequences look commoner than a fresh container
        // will find them, and its first events pass a threshold set at the held-out containers' peak).
        return -Math.log10((count + SequenceRarity.UNSEEN * outside / events) / outside);
    }

    /** The whole window's counts, for the detector. */
    SequenceRarity all() {
        int[] totals = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            for (int f = 0; f < folds; f++) {
                totals[i] += counts[i * folds + f];
            }
        }
        return new SequenceRarity(keys, totals, events);
    }
}
