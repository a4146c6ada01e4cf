package io.habitus.eval.unm;

import io.habitus.eval.Roc;

/**
 * Area under the ROC curve of a score where higher means more anomalous: the probability that a
 * random positive scores above a random negative, ties counting one half (Mann–Whitney U).
 */
final class RocAuc {

    private RocAuc() {
    }

    /** NaN when either side is empty. */
    static double of(double[] positives, double[] negatives) {
        // The same Mann–Whitney statistic as the simulation's ROC, whose scores run the other way.
        return Roc.auc(negated(negatives), negated(positives));
    }

    private static double[] negated(double[] values) {
        double[] negated = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            negated[i] = -values[i];
        }
        return negated;
    }
}
