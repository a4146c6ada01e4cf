package io.habitus.bench.training;

import io.habitus.model.internal.SparseVector;
import java.util.List;
import java.util.TreeMap;

/** The trainer's gamma heuristic, repeated here because the trainer keeps it package-private. */
final class Heuristics {

    private Heuristics() {
    }

    /**
     * 1 / mean squared pairwise distance, from Σ|x|² and |Σx|² without visiting pairs: the same
     * formula as {@code io.habitus.model.internal.TrainingSplit.inverseMeanSquaredDistance}.
     */
    static double inverseMeanSquaredDistance(List<SparseVector> vectors) {
        TreeMap<Integer, Double> sum = new TreeMap<>();
        double squaredNorms = 0.0;
        for (SparseVector vector : vectors) {
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
