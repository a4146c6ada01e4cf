package io.habitus.model;

import java.util.Arrays;

/** Threshold and score normalisation from the decision values of held-out normal transitions. */
final class Calibrator {

    static final double MAD_TO_SIGMA = 1.4826;

    private Calibrator() {
    }

    /**
     * The raw threshold is the held-out decision value at rank ⌊target × n⌋ (ascending): at most
     * target × n held-out vectors lie strictly below it. The spread falls back to the mean absolute
     * deviation and then to the model's magnitude when most held-out values are equal.
     */
    static Calibration calibrate(double[] decisions, double target, double magnitude) {
        double[] sorted = decisions.clone();
        Arrays.sort(sorted);
        double rawThreshold = sorted[(int) Math.floor(target * sorted.length)];
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
