package io.habitus.model.internal;

import java.util.List;

/**
 * Figures of one training run.
 *
 * @param transitions                    transitions in the sample (sum of counts)
 * @param distinct                       distinct vectors in the sample
 * @param trainingVectors                distinct vectors the model was trained on
 * @param heldOutVectors                 distinct vectors used for selection and calibration
 * @param unusedVectors                  distinct vectors left out by the size bounds
 * @param heldOutFalsePositiveRate       share of distinct held-out vectors below the threshold
 * @param heldOutEventFalsePositiveRate  the same weighted by counts: the expected share of events
 */
public record TrainingStatistics(long transitions, int distinct, int trainingVectors, int heldOutVectors,
        int unusedVectors, int supportVectors, long trainingMillis, double heldOutFalsePositiveRate,
        double heldOutEventFalsePositiveRate, List<GridPoint> grid) {

    public TrainingStatistics {
        grid = List.copyOf(grid);
    }
}
