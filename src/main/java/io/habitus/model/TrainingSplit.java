package io.habitus.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The distinct vectors of a sample, shuffled deterministically and split into held-out and
 * training parts within the size bounds. Duplicates are collapsed (counts summed) and the vectors
 * are put in a canonical order before the shuffle, so the split depends only on the sample's
 * content and the seed, never on the order the caller listed it in.
 */
record TrainingSplit(List<WeightedVector> training, List<WeightedVector> heldOut, long transitions, int distinct,
        int unused) {

    static final int MIN_DISTINCT = 10;

    static TrainingSplit of(List<WeightedVector> sample, int dimension, TrainingOptions options) {
        TreeMap<SparseVector, Long> collapsed = new TreeMap<>();
        long transitions = 0;
        for (WeightedVector weighted : sample) {
            if (weighted.vector().dimension() != dimension) {
                throw new IllegalArgumentException("vector dimension " + weighted.vector().dimension()
                        + " does not match the feature spec's " + dimension);
            }
            collapsed.merge(weighted.vector(), weighted.count(), Long::sum);
            transitions += weighted.count();
        }
        if (collapsed.size() < MIN_DISTINCT) {
            throw new InsufficientTransitionsException(collapsed.size(), MIN_DISTINCT);
        }
        List<WeightedVector> shuffled = new ArrayList<>(collapsed.size());
        for (Map.Entry<SparseVector, Long> entry : collapsed.entrySet()) {
            shuffled.add(new WeightedVector(entry.getKey(), entry.getValue()));
        }
        shuffle(shuffled, new Random(options.seed()));
        int n = shuffled.size();
        int heldOut = (int) Math.min(options.maxHeldOutVectors(), Math.max(2, Math.round(n * options.heldOutFraction())));
        int training = Math.min(options.maxTrainingVectors(), n - heldOut);
        return new TrainingSplit(List.copyOf(shuffled.subList(heldOut, heldOut + training)),
                List.copyOf(shuffled.subList(0, heldOut)), transitions, n, n - heldOut - training);
    }

    /** Fisher–Yates with java.util.Random, whose sequence for a seed is specified: stable across JDKs. */
    private static <T> void shuffle(List<T> list, Random random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swapped = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swapped);
        }
    }

    /** 1 / mean squared distance over all pairs, exactly: mean‖xi − xj‖² = 2 (mean‖x‖² − ‖mean x‖²). */
    static double inverseMeanSquaredDistance(List<WeightedVector> vectors) {
        TreeMap<Integer, Double> sum = new TreeMap<>();
        double squaredNorms = 0.0;
        for (WeightedVector weighted : vectors) {
            SparseVector vector = weighted.vector();
            squaredNorms += vector.squaredNorm();
            for (int i = 0; i < vector.nonZeros(); i++) {
                sum.merge(vector.indexAt(i), vector.valueAt(i), Double::sum);
            }
        }
        int n = vectors.size();
        double meanNorm = 0.0;
        for (double total : sum.values()) {
            meanNorm += (total / n) * (total / n);
        }
        double pairs = 2.0 * (squaredNorms / n - meanNorm) * n / Math.max(1, n - 1);
        return pairs > 1e-12 ? 1.0 / pairs : 1.0;
    }
}
