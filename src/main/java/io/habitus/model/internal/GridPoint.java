package io.habitus.model.internal;

/**
 * One trained candidate of the hyper-parameter grid.
 *
 * @param heldOutFalsePositiveRate share of distinct held-out vectors with decision value below 0
 *                                 (libsvm's own boundary, before calibration)
 */
public record GridPoint(double nu, double gammaFactor, double gamma, double heldOutFalsePositiveRate,
        int supportVectors, long trainingMillis) {
}
