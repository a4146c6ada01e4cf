package io.habitus.incident.internal;

import java.util.Arrays;

/**
 * A high quantile of held-out peaks beyond what the sample shows: the largest peaks' excesses over
 * the next one are taken as exponential (the tail of a maximum of many small steps), and the value
 * that tail passes with probability {@code p} is read off it. With a few hundred held-out containers
 * the largest peak is passed by about one fresh normal container in n + 1, per evidence; where
 * several evidences sit at their largest peak those chances add up past the target, which the
 * extrapolation keeps to {@code p} each.
 */
final class TailQuantile {

    /** Below this many peaks the tail is all of them: their excesses over the smallest. */
    static final int MIN_PEAKS = 20;

    private TailQuantile() {
    }

    /** The peak value passed with probability {@code p}; the largest peak when two or fewer are known. */
    static double of(double[] peaks, double p) {
        int n = peaks.length;
        if (n == 0) {
            return 0;
        }
        double[] sorted = peaks.clone();
        Arrays.sort(sorted);
        double largest = sorted[n - 1];
        if (n < 3) {
            return largest;
        }
        int tail = n < MIN_PEAKS ? n - 1 : Math.max(10, n / 10);
        double base = sorted[n - 1 - tail];
        double excess = 0;
        for (int i = n - tail; i < n; i++) {
            excess += sorted[i] - base;
        }
        double mean = excess / tail;
        if (mean <= 0) {
            // No spread, no tail to read: just above the peak every held-out container reached, so that a
            // fresh container exactly as unusual as all of them reads below 1 rather than at it.
            return largest * (1 + 1e-9);
        }
        return base + mean * Math.log(((double) tail / n) / p);
    }
}
