package io.habitus.model.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A sample split into training vectors and held-out vectors <em>by events</em>: each distinct
 * vector's count is divided between the two parts at random (each event held out with probability
 * {@code heldOutFraction}), so a transition seen often is usually in both and a transition seen once
 * is in one of them. The held-out part then looks like fresh data does to the trained model: its
 * frequent transitions were seen in training and its rare ones mostly were not, in the proportion in
 * which they occur. Training stays on distinct vectors (libsvm has no instance weights), held-out
 * vectors keep their held-out counts as weights. Duplicates are collapsed (counts summed) and the
 * vectors are put in a canonical order before anything random happens, so the split depends only
 * on the sample's content and the seed, never on the order the caller listed it in. Every distinct
 * vector, whatever part (or neither, past the bounds) it went to, is remembered as learned. Docs:
 * docs/transition-model.md, "Training".
 */
record TrainingSplit(List<WeightedVector> training, List<WeightedVector> heldOut, LearnedTransitions learned,
        long transitions, int distinct, int unused) {

    static final int MIN_DISTINCT = 10;
    /** Counts up to this are split event by event; larger ones by the normal approximation of the binomial. */
    private static final long EXACT_SPLIT_LIMIT = 1000;

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
        Random random = new Random(options.seed());
        List<WeightedVector> training = new ArrayList<>();
        List<WeightedVector> heldOut = new ArrayList<>();
        for (Map.Entry<SparseVector, Long> entry : collapsed.entrySet()) {
            long count = entry.getValue();
            long held = heldOutEvents(count, options.heldOutFraction(), random);
            if (held < count) {
                training.add(new WeightedVector(entry.getKey(), count - held));
            }
            if (held > 0) {
                heldOut.add(new WeightedVector(entry.getKey(), held));
            }
        }
        shuffle(training, random);
        shuffle(heldOut, random);
        // Tiny samples: make sure both parts exist (at least 2 held-out and 8 training vectors).
        while (heldOut.size() < 2 && training.size() > 8) {
            heldOut.add(training.removeLast());
        }
        while (training.size() < 8 && heldOut.size() > 2) {
            training.add(heldOut.removeLast());
        }
        int keptTraining = Math.min(options.maxTrainingVectors(), training.size());
        int keptHeldOut = Math.min(options.maxHeldOutVectors(), heldOut.size());
        return new TrainingSplit(List.copyOf(training.subList(0, keptTraining)), List.copyOf(heldOut.subList(0, keptHeldOut)),
                LearnedTransitions.of(collapsed.keySet()), transitions, collapsed.size(), training.size() - keptTraining + heldOut.size() - keptHeldOut);
    }

    /** How many of {@code count} events are held out: binomial(count, fraction), drawn from {@code random}. */
    static long heldOutEvents(long count, double fraction, Random random) {
        if (count <= EXACT_SPLIT_LIMIT) {
            long held = 0;
            for (long i = 0; i < count; i++) {
                held += random.nextDouble() < fraction ? 1 : 0;
            }
            return held;
        }
        double mean = count * fraction;
        double deviation = Math.sqrt(count * fraction * (1.0 - fraction));
        return Math.max(0, Math.min(count, Math.round(mean + deviation * random.nextGaussian())));
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
