package io.habitus.model.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.habitus.model.TransitionModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OneClassTrainerTests {

    private static final List<WeightedVector> SAMPLE = Clusters.normal(2000, 1);
    private static TransitionModel model;

    @BeforeAll
    static void train() {
        model = new OneClassTrainer().train(Clusters.spec(), SAMPLE, TrainingOptions.defaults());
        TrainingStatistics s = model.statistics();
        System.out.printf("clusters: nu=%s gammaFactor=%s gamma=%.4f sv=%d heldOutFpr=%.4f eventFpr=%.4f threshold=%.3f ms=%d%n",
                model.hyperParameters().nu(), model.hyperParameters().gammaFactor(), model.hyperParameters().gamma(),
                s.supportVectors(), s.heldOutFalsePositiveRate(), s.heldOutEventFalsePositiveRate(), model.threshold(),
                s.trainingMillis());
        s.grid().forEach(p -> System.out.println("  grid " + p));
    }

    @Test
    void splitsTheEventsOfTheDistinctVectorsAndTriesTheWholeGrid() {
        TrainingStatistics s = model.statistics();
        assertThat(s.distinct()).isEqualTo(2000);
        // Every vector is in one part or both: counts 1..20, each event held out with probability 0.2.
        assertThat(s.heldOutVectors() + s.trainingVectors()).isGreaterThan(2000);
        assertThat(s.heldOutVectors()).isBetween(1450, 1750);   // expected 2000 × (1 − mean 0.8^c) ≈ 1,600
        assertThat(s.trainingVectors()).isBetween(1900, 2000);  // expected 2000 × (1 − mean 0.2^c) ≈ 1,975
        assertThat(s.unusedVectors()).isZero();
        assertThat(s.transitions()).isEqualTo(SAMPLE.stream().mapToLong(WeightedVector::count).sum());
        assertThat(s.grid()).hasSize(20);
        assertThat(s.supportVectors()).isBetween(1, 1600);
    }

    @Test
    void theChosenGridPointHasTheLowestCostThenTheLargestGamma() {
        HyperParameters chosen = model.hyperParameters();
        GridPoint point = model.statistics().grid().stream()
                .filter(p -> p.nu() == chosen.nu() && p.gammaFactor() == chosen.gammaFactor()).findFirst().orElseThrow();
        double cost = OneClassTrainer.cost(point.heldOutFalsePositiveRate(), 0.005);

        assertThat(point.supportVectors()).isEqualTo(model.statistics().supportVectors());
        for (GridPoint other : model.statistics().grid()) {
            double otherCost = OneClassTrainer.cost(other.heldOutFalsePositiveRate(), 0.005);
            assertThat(otherCost).isGreaterThanOrEqualTo(cost);
            if (otherCost == cost) {
                assertThat(other.gamma()).isLessThanOrEqualTo(point.gamma());
            }
        }
    }

    @Test
    void everyCandidateWithinTheTargetCostsNothingAndExcessCountsDouble() {
        assertThat(OneClassTrainer.cost(0.0, 0.005)).isZero();
        assertThat(OneClassTrainer.cost(0.005, 0.005)).isZero();
        assertThat(OneClassTrainer.cost(0.015, 0.005)).isCloseTo(0.02, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void theHeldOutFalsePositiveRateOfEventsMeetsTheTargetWithConfidence() {
        double rate = model.statistics().heldOutEventFalsePositiveRate();
        assertThat(rate).isLessThanOrEqualTo(TrainingOptions.defaults().targetFalsePositiveRate());
        // About 4,200 held-out events: the 95 % bound leaves room for about 0.75 % below the threshold.
        assertThat(rate).isLessThan(0.008);
    }

    @Test
    void freshNormalTransitionsMostlyPassAndOutliersAreFlagged() {
        Random random = new Random(99);
        int flaggedNormal = 0;
        int flaggedOutliers = 0;
        for (int i = 0; i < 2000; i++) {
            flaggedNormal += model.isAnomalous(model.score(Clusters.normalPoint(random))) ? 1 : 0;
            flaggedOutliers += model.isAnomalous(model.score(Clusters.outlier(random))) ? 1 : 0;
        }
        System.out.printf("clusters: fresh normal flagged %d/2000, outliers flagged %d/2000%n", flaggedNormal, flaggedOutliers);
        assertThat(flaggedNormal).isLessThanOrEqualTo(40);
        assertThat(flaggedOutliers).isEqualTo(2000);
    }

    @Test
    void scoresAreRobustZScoresOfTheHeldOutDecisionValues() {
        Calibration c = model.calibration();
        assertThat(c.spread()).isPositive();
        assertThat(c.threshold()).isNegative();
        assertThat(c.score(c.centre())).isZero();
        assertThat(c.score(c.rawThreshold())).isEqualTo(c.threshold());
    }

    @Test
    void theSameSampleAndSeedGiveTheSameModelWhateverTheInputOrder() {
        List<WeightedVector> shuffled = new ArrayList<>(SAMPLE.subList(0, 300));
        TransitionModel first = new OneClassTrainer().train(Clusters.spec(), shuffled, TrainingOptions.defaults());
        Collections.shuffle(shuffled, new Random(5));
        TransitionModel second = new OneClassTrainer().train(Clusters.spec(), shuffled, TrainingOptions.defaults());

        assertThat(second.libsvmText()).isEqualTo(first.libsvmText());
        assertThat(second.calibration()).isEqualTo(first.calibration());
        assertThat(second.hyperParameters()).isEqualTo(first.hyperParameters());
    }

    @Test
    void duplicatesAreCollapsedWithTheirCounts() {
        List<WeightedVector> doubled = new ArrayList<>(SAMPLE.subList(0, 100));
        doubled.addAll(SAMPLE.subList(0, 100));
        TransitionModel twice = new OneClassTrainer().train(Clusters.spec(), doubled, TrainingOptions.defaults());

        assertThat(twice.statistics().distinct()).isEqualTo(100);
        assertThat(twice.statistics().transitions())
                .isEqualTo(2 * SAMPLE.subList(0, 100).stream().mapToLong(WeightedVector::count).sum());
    }

    @Test
    void boundsTheTrainingSetAndReportsWhatWasLeftOut() {
        TransitionModel bounded = new OneClassTrainer().train(Clusters.spec(), SAMPLE.subList(0, 500),
                TrainingOptions.defaults().withBounds(200, 50));

        assertThat(bounded.statistics().trainingVectors()).isEqualTo(200);
        assertThat(bounded.statistics().heldOutVectors()).isEqualTo(50);
        assertThat(bounded.statistics().unusedVectors()).isPositive();
    }

    @Test
    void refusesTinySamplesClearly() {
        assertThatThrownBy(() -> new OneClassTrainer().train(Clusters.spec(), SAMPLE.subList(0, 9), TrainingOptions.defaults()))
                .isInstanceOf(InsufficientTransitionsException.class)
                .hasMessageContaining("at least 10 distinct transitions").hasMessageContaining("got 9");
    }

    @Test
    void refusesVectorsOfAnotherDimension() {
        assertThatThrownBy(() -> new OneClassTrainer().train(FeatureSpec.defaults(), SAMPLE, TrainingOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension");
    }

    @Test
    void selectionPrefersTheTargetThenBeingBelowItThenFewerSupportVectors() {
        assertThat(OneClassTrainer.cost(0.005, 0.005)).isZero();
        assertThat(OneClassTrainer.cost(0.0, 0.005)).isLessThan(OneClassTrainer.cost(0.010, 0.005));
        assertThat(OneClassTrainer.cost(0.004, 0.005)).isLessThan(OneClassTrainer.cost(0.006, 0.005));
    }
}
