package io.habitus.model;

import java.util.Arrays;

/** Threshold and score normalisation from the decision values of held-out normal transitions. */
final class Calibrator {

    static final double MAD_TO_SIGMA = 1.4826;

    private Calibrator() {
    }

    /**
     * The raw threshold is the largest held-out decision value with at most target × (held-out
     * events) events strictly below it: held-out vectors weigh their counts, so the target is a
     * share of events, as people meet false positives. Centre and spread are those of the distinct
     * held-out values; the spread falls back to the mean absolute deviation and then to the model's
     * magnitude when most held-out values are equal.
     */
    static Calibration calibrate(double[] decisions, long[] counts, double target, double magnitude) {
        double[] sorted = decisions.clone();
        Arrays.sort(sorted);
        Integer[] order = new Integer[decisions.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(decisions[a], decisions[b]));
        double allowed = target * Arrays.stream(counts).sum();
        double rawThreshold = decisions[order[0]];
        long below = 0;
        for (int k = 0; k < order.length; k++) {
            double value = decisions[order[k]];
            if (k > 0 && value > decisions[order[k - 1]]) {
                // every event before k lies strictly below value
                if (below > allowed) {
                    break;
                }
                rawThreshold = value;
            }
            below += counts[order[k]];
        }
        double centre = median(sorted);
        double[] deviations = Arrays.stream(sorted).map(d -> Math.abs(d - centre)).sorted().toArray();
        double spread = MAD_TO_SIGMA * median(deviations);
        if (!(spread > 1e-12 * magnitude)) {
            spread = Arrays.stream(deviations).average().orElse(0.0);
        }
        if (!(spread > 1e-12 * magnitude)) {
            spread = magnitude > 0.0 ? magnitude : 1.0;
        }
        return new Calibration(target, rawThreshold, centre, spread, (rawThreshold - centre) / spread);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
