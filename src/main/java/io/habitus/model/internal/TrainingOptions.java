package io.habitus.model.internal;

import java.util.List;

/**
 * How {@link OneClassTrainer} trains; {@link #defaults()} is the documented procedure.
 *
 * @param targetFalsePositiveRate share of held-out normal transitions allowed below the threshold
 * @param seed                    seed of the shuffle that splits train and held-out vectors
 * @param heldOutFraction         share of distinct vectors held out for selection and calibration
 * @param maxTrainingVectors      bound on distinct training vectors (libsvm is O(l²) in time)
 * @param maxHeldOutVectors       bound on distinct held-out vectors
 * @param nus                     grid of nu values
 * @param gammaFactors            grid of multipliers of the gamma heuristic (1 / mean squared distance)
 */
public record TrainingOptions(double targetFalsePositiveRate, long seed, double heldOutFraction,
        int maxTrainingVectors, int maxHeldOutVectors, List<Double> nus, List<Double> gammaFactors) {

    public TrainingOptions {
        if (!(targetFalsePositiveRate > 0.0 && targetFalsePositiveRate < 0.5)) {
            throw new IllegalArgumentException("targetFalsePositiveRate must be in (0, 0.5): " + targetFalsePositiveRate);
        }
        if (!(heldOutFraction > 0.0 && heldOutFraction < 1.0)) {
            throw new IllegalArgumentException("heldOutFraction must be in (0, 1): " + heldOutFraction);
        }
        if (maxTrainingVectors < 8 || maxHeldOutVectors < 2) {
            throw new IllegalArgumentException("need maxTrainingVectors >= 8 and maxHeldOutVectors >= 2");
        }
        nus = List.copyOf(nus);
        gammaFactors = List.copyOf(gammaFactors);
        if (nus.isEmpty() || gammaFactors.isEmpty()) {
            throw new IllegalArgumentException("the grid must not be empty");
        }
        if (nus.stream().anyMatch(nu -> !(nu > 0.0 && nu <= 1.0))) {
            throw new IllegalArgumentException("every nu must be in (0, 1]: " + nus);
        }
        if (gammaFactors.stream().anyMatch(factor -> !(factor > 0.0) || factor.isInfinite())) {
            throw new IllegalArgumentException("every gamma factor must be positive and finite: " + gammaFactors);
        }
    }

    /** The documented default target, as text so that {@link ModelProperties} can name it as its default too. */
    static final String DEFAULT_TARGET_FALSE_POSITIVE_RATE = "0.01";

    public static TrainingOptions defaults() {
        return new TrainingOptions(Double.parseDouble(DEFAULT_TARGET_FALSE_POSITIVE_RATE), 20261128L, 0.2, 5000, 2000,
                List.of(0.005, 0.01, 0.02, 0.05, 0.1), List.of(0.5, 1.0, 2.0, 4.0));
    }

    public TrainingOptions withSeed(long newSeed) {
        return new TrainingOptions(targetFalsePositiveRate, newSeed, heldOutFraction, maxTrainingVectors,
                maxHeldOutVectors, nus, gammaFactors);
    }

    public TrainingOptions withTargetFalsePositiveRate(double target) {
        return new TrainingOptions(target, seed, heldOutFraction, maxTrainingVectors, maxHeldOutVectors, nus, gammaFactors);
    }

    public TrainingOptions withBounds(int training, int heldOut) {
        return new TrainingOptions(targetFalsePositiveRate, seed, heldOutFraction, training, heldOut, nus, gammaFactors);
    }
}
