package io.habitus.eval.unm;

import java.util.Arrays;

/**
 * Area under the ROC curve of a score where higher means more anomalous: the probability that a
 * random positive scores above a random negative, ties counting one half (Mann–Whitney U).
 */
final class RocAuc {

    private RocAuc() {
    }

    /** NaN when either side is empty. */
    static double of(double[] positives, double[] negatives) {
        if (positives.length == 0 || negatives.length == 0) {
            return Double.NaN;
        }
        double[] sorted = negatives.clone();
        Arrays.sort(sorted);
        double wins = 0.0;
        for (double p : positives) {
            int below = lowerBound(sorted, p);
            int notAbove = upperBound(sorted, p);
            wins += below + 0.5 * (notAbove - below);
        }
        return wins / ((double) positives.length * negatives.length);
    }

    private static int lowerBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
