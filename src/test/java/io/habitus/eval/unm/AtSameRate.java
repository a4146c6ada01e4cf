package io.habitus.eval.unm;

import java.util.Arrays;

/**
 * A detector's per-trace figure set to flag no more held-out normal traces than another verdict did:
 * every trace whose figure lies strictly above the {@code allowed + 1}-th largest normal figure.
 * "Detects more attack runs than STIDE at that rate" is then the two attack counts side by side. Ties
 * at that figure stay unflagged, so the detector never flags more normal traces than allowed (a figure
 * with few distinct values, like STIDE's mismatch count, may flag fewer).
 *
 * @param above   the figure a trace must exceed to be flagged (negative infinity: every trace is)
 * @param attacks attack traces flagged
 * @param normal  held-out normal traces flagged (at most the allowance)
 */
record AtSameRate(double above, long attacks, long normal) {

    static AtSameRate of(double[] positives, double[] negatives, long allowedNegatives) {
        double[] sorted = negatives.clone();
        Arrays.sort(sorted);
        double above = allowedNegatives >= sorted.length ? Double.NEGATIVE_INFINITY
                : sorted[sorted.length - 1 - (int) allowedNegatives];
        return new AtSameRate(above, Arrays.stream(positives).filter(v -> v > above).count(),
                Arrays.stream(negatives).filter(v -> v > above).count());
    }
}
