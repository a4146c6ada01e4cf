package io.habitus.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RocTests {

    @Test
    void attacksBelowEveryNormalScoreGiveAnAucOfOne() {
        assertThat(Roc.auc(new double[] {0, 1, 2}, new double[] {-5, -4})).isEqualTo(1.0);
    }

    @Test
    void tiesCountOneHalf() {
        assertThat(Roc.auc(new double[] {1, 1}, new double[] {1})).isEqualTo(0.5);
        assertThat(Roc.auc(new double[] {0, 2}, new double[] {1})).isEqualTo(0.5);
    }

    @Test
    void theCurveRunsFromTheOriginToOne() {
        var curve = Roc.curve(new double[] {0, 1, 2, 3}, new double[] {-1, 0.5});
        assertThat(curve.getFirst()).containsExactly(0, 0);
        assertThat(curve.getLast()).containsExactly(1, 1);
        assertThat(curve.get(1)).containsExactly(0, 0.5);
    }

    @Test
    void detectionAtAFalsePositiveRateUsesTheNormalQuantile() {
        double[] normal = new double[200];
        for (int i = 0; i < normal.length; i++) {
            normal[i] = i;
        }
        // 1 % of 200: the threshold is the third smallest (2); flagged normal: 0 and 1
        assertThat(Roc.detectionAt(0.01, normal, new double[] {1.5, 2, 3, -1})).isCloseTo(0.5, within(1e-12));
    }
}
