package io.habitus.model.internal;

/**
 * How raw libsvm decision values become scores: {@code score = (decision − centre) / spread}, a
 * robust z-score against the held-out normal transitions (centre = their median, spread = 1.4826 ×
 * their median absolute deviation). A transition is anomalous when its score is below
 * {@code threshold}, the held-out quantile at the target false-positive rate in score units.
 */
public record Calibration(double targetFalsePositiveRate, double rawThreshold, double centre, double spread,
        double threshold) {

    public Calibration {
        if (!(spread > 0.0) || !Double.isFinite(spread) || !Double.isFinite(centre) || !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("calibration needs finite values and a positive spread");
        }
    }

    public double score(double decisionValue) {
        return (decisionValue - centre) / spread;
    }
}
