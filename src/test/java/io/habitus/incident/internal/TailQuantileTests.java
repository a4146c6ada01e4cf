package io.habitus.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TailQuantileTests {

    @Test
    void anExponentialTailIsExtrapolatedToTheAskedProbability() {
        Random random = new Random(7);
        double[] peaks = new double[200_000];
        for (int i = 0; i < peaks.length; i++) {
            peaks[i] = -Math.log(1 - random.nextDouble());
        }
        // Exponential(1): P(X > t) = e^-t, so the 1e-3 quantile is ln(1000).
        assertThat(TailQuantile.of(peaks, 1e-3)).isCloseTo(Math.log(1000), within(0.05));
    }

    @Test
    void withAFewHundredPeaksTheQuantileLiesBeyondTheLargest() {
        Random random = new Random(8);
        double[] peaks = new double[200];
        double largest = 0;
        for (int i = 0; i < peaks.length; i++) {
            peaks[i] = 3 + Math.abs(random.nextGaussian());
            largest = Math.max(largest, peaks[i]);
        }
        assertThat(TailQuantile.of(peaks, 0.0013)).isGreaterThan(largest);
    }

    @Test
    void aFewPeaksAreExtrapolatedFromAllOfThemAndTwoOrNoneKeepTheLargest() {
        // Excesses over the smallest: 4 and 1, mean 2.5, two of three peaks in the tail.
        assertThat(TailQuantile.of(new double[] {1, 5, 2}, 0.001)).isCloseTo(1 + 2.5 * Math.log((2 / 3.0) / 0.001),
                within(1e-9));
        assertThat(TailQuantile.of(new double[] {1, 5}, 0.001)).isEqualTo(5);
        assertThat(TailQuantile.of(new double[0], 0.001)).isZero();
        assertThat(TailQuantile.of(new double[30], 0.001)).as("all equal: no tail").isZero();
    }
}
