package io.habitus.model.internal;

/** The chosen one-class SVM parameters; {@code gamma = gammaFactor × gammaBase}. */
public record HyperParameters(double nu, double gamma, double gammaFactor, double gammaBase) {

    public HyperParameters {
        if (!(nu > 0.0 && nu <= 1.0) || !(gamma > 0.0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("need 0 < nu <= 1 and finite gamma > 0");
        }
    }
}
