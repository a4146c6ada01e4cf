package io.habitus.shared;

/**
 * How many of {@code n} held-out normal cases may fall past a threshold so that the rate of normal
 * cases past it stays within a target with 95 % confidence: the largest k whose Wilson score upper
 * bound (one-sided, z = {@value #CONFIDENCE_Z}) of k / n is within the target, but never fewer than
 * half the target as a point estimate. The bound certifies the target where the sample is large
 * enough to show it; a small sample cannot (below about 2.7 / target cases not even zero would be
 * certified), and pinning its threshold to its most extreme case, often a far outlier, would blind
 * the detector. The two meet at about 1,200 cases for a 1 % target. Used for event thresholds
 * (held-out transitions); container thresholds take the bound alone ({@link #certifiedPast}).
 */
public final class RateBound {

    public static final double CONFIDENCE_Z = 1.645;

    private RateBound() {
    }

    public static long allowedPast(long n, double target) {
        return Math.max(certifiedPast(n, target), (long) Math.floor(target / 2 * n));
    }

    /**
     * The largest k whose Wilson upper bound of k / n is within the target, without the floor of
     * {@link #allowedPast}: 0 where the sample cannot certify even that. For container thresholds,
     * where the floor would let a held-out container past at 300 to 1,200 containers that the
     * bound itself does not allow (docs/incidents.md, "Thresholds, calibrated together").
     */
    public static long certifiedPast(long n, double target) {
        long low = -1;
        long high = n;
        while (low < high) {
            long middle = low + (high - low + 1) / 2;
            if (wilsonUpper(middle, n) <= target) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return Math.max(0, low);
    }

    public static double wilsonUpper(long k, long n) {
        if (n <= 0) {
            return 1.0;
        }
        double p = k / (double) n;
        double z2 = CONFIDENCE_Z * CONFIDENCE_Z;
        double centre = p + z2 / (2 * n);
        double margin = CONFIDENCE_Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return (centre + margin) / (1 + z2 / n);
    }
}
