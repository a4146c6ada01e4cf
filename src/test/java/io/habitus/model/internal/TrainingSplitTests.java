package io.habitus.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrainingSplitTests {

    @Test
    void aFrequentTransitionIsInBothPartsWithItsEventsDivided() {
        List<WeightedVector> sample = new ArrayList<>(Clusters.normal(40, 3).stream()
                .map(w -> new WeightedVector(w.vector(), 1)).toList());
        WeightedVector frequent = new WeightedVector(Clusters.normalPoint(new Random(1)), 10_000);
        sample.add(frequent);

        TrainingSplit split = TrainingSplit.of(sample, Clusters.DIMENSION, TrainingOptions.defaults());

        long trained = split.training().stream().filter(w -> w.vector().equals(frequent.vector()))
                .mapToLong(WeightedVector::count).sum();
        long held = split.heldOut().stream().filter(w -> w.vector().equals(frequent.vector()))
                .mapToLong(WeightedVector::count).sum();
        assertThat(trained + held).isEqualTo(10_000);
        assertThat(held).isBetween(1800L, 2200L);
        // a transition seen once is in exactly one part
        long singletons = split.training().stream().filter(w -> w.count() == 1).count()
                + split.heldOut().stream().filter(w -> w.count() == 1).count();
        assertThat(singletons).isEqualTo(40);
        assertThat(split.transitions()).isEqualTo(10_040);
    }

    @Test
    void heldOutCountsFollowTheFractionExactlyForSmallAndApproximatelyForLargeCounts() {
        Random random = new Random(5);
        long small = 0;
        for (int i = 0; i < 1000; i++) {
            small += TrainingSplit.heldOutEvents(10, 0.2, random);
        }
        assertThat(small).isBetween(1850L, 2150L);
        assertThat(TrainingSplit.heldOutEvents(1_000_000, 0.2, random)).isBetween(198_000L, 202_000L);
        assertThat(TrainingSplit.heldOutEvents(0, 0.2, random)).isZero();
    }

    @Test
    void theThresholdLetsAtMostTheTargetShareOfHeldOutEventsBelowIt() {
        double[] decisions = {-5.0, -1.0, 0.0, 1.0};
        long[] counts = {1, 1000, 1000, 1000};

        Calibration strict = Calibrator.calibrate(decisions, counts, 0.005, 1.0);
        Calibration loose = Calibrator.calibrate(decisions, counts, 0.4, 1.0);

        // 0.5 % of 3,001 events is 15, the 95 % bound allows 8: only the single event at -5 may lie below.
        assertThat(strict.rawThreshold()).isEqualTo(-1.0);
        // 40 % is 1,200 (1,156 with the bound): the 1,001 events at -5 and -1 may.
        assertThat(loose.rawThreshold()).isEqualTo(0.0);
    }

    @Test
    void theConfidenceBoundAllowsFewerEventsBelowTheThresholdInSmallerSamples() {
        // Wilson's upper bound of 0 / 300 at z = 1.645 is 0.0089; of 1 / 300, 0.0148.
        assertThat(Calibrator.wilsonUpper(0, 300)).isCloseTo(0.0089, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(Calibrator.wilsonUpper(1, 300)).isCloseTo(0.0148, org.assertj.core.data.Offset.offset(1e-4));
        // 10,000 events: the bound of 83 / 10,000 is within 1 %, of 84 not.
        assertThat(Calibrator.allowedBelow(10_000, 0.01)).isEqualTo(83);
        assertThat(Calibrator.wilsonUpper(83, 10_000)).isLessThanOrEqualTo(0.01);
        assertThat(Calibrator.wilsonUpper(84, 10_000)).isGreaterThan(0.01);
        assertThat(Calibrator.allowedBelow(2_000, 0.01)).isEqualTo(12);
        // Large samples approach the target itself.
        assertThat(Calibrator.allowedBelow(10_000_000, 0.01) / 1e7).isBetween(0.0098, 0.01);
    }

    @Test
    void smallSamplesFallBackToHalfTheTargetAsAPointEstimate() {
        // The bound would allow 0 of 300 and 4 of 1,000; half of 1 % allows 1 and 5.
        assertThat(Calibrator.allowedBelow(300, 0.01)).isEqualTo(1);
        assertThat(Calibrator.allowedBelow(1_000, 0.01)).isEqualTo(5);
        assertThat(Calibrator.allowedBelow(150, 0.01)).isZero();
        assertThat(Calibrator.allowedBelow(0, 0.01)).isZero();
    }
}
