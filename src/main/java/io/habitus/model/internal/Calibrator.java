package io.habitus.model.internal;

import io.habitus.shared.RateBound;
import java.util.Arrays;

/** Threshold and score normalisation from the decision values of held-out normal transitions. */
final class Calibrator {

    static final double MAD_TO_SIGMA = 1.4826;
    /** One-sided 95 %: the held-out rate is a sample's estimate, and fresh containers are not the sample. */
    static final double CONFIDENCE_Z = RateBound.CONFIDENCE_Z;

    private Calibrator() {
    }

    /**
     * The raw threshold is the largest held-out decision value whose share of held-out events
     * strictly below it stays within the target <em>with 95 % confidence</em>: the Wilson upper
     * bound of that share, not the share itself, must not exceed the target; small samples get half
     * the target as a point estimate instead ({@link #allowedBelow}).
     * Held-out vectors weigh their counts, so the target is a share of events, as people meet false
     * positives. Centre and spread are those of the distinct
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
        long allowed = allowedBelow(Arrays.stream(counts).sum(), target);
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

    /** The most events out of {@code events} that may lie below the threshold: see {@link RateBound}. */
    static long allowedBelow(long events, double target) {
        return RateBound.allowedPast(events, target);
    }

    static double wilsonUpper(long below, long events) {
        return RateBound.wilsonUpper(below, events);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
