package io.habitus.model;

import java.util.Arrays;

/** Threshold and score normalisation from the decision values of held-out normal transitions. */
final class Calibrator {

    static final double MAD_TO_SIGMA = 1.4826;
    /** One-sided 95 %: the held-out rate is a sample's estimate, and fresh containers are not the sample. */
    static final double CONFIDENCE_Z = 1.645;

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

    /**
     * The most events out of {@code events} that may lie below the threshold: the largest k whose
     * Wilson score upper bound (one-sided, z = {@value #CONFIDENCE_Z}) of the rate k / events is within
     * {@code target}, but never fewer than half the target as a point estimate. The bound certifies
     * the target where the held-out sample is large enough to show it; a small sample cannot (below
     * about 2.7 / target events not even zero events below would be certified), and pinning its
     * threshold to its lowest held-out value, often a far outlier, would blind the model. The two
     * meet at about 1,200 held-out events for a 1 % target.
     */
    static long allowedBelow(long events, double target) {
        long low = -1;
        long high = events;
        while (low < high) {
            long middle = low + (high - low + 1) / 2;
            if (wilsonUpper(middle, events) <= target) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return Math.max(Math.max(0, low), (long) Math.floor(target / 2 * events));
    }

    static double wilsonUpper(long below, long events) {
        if (events <= 0) {
            return 1.0;
        }
        double n = events;
        double p = below / n;
        double z2 = CONFIDENCE_Z * CONFIDENCE_Z;
        double centre = p + z2 / (2 * n);
        double margin = CONFIDENCE_Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return (centre + margin) / (1 + z2 / n);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
