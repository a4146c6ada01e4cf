package io.habitus.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NoveltySurpriseTests {

    @Test
    void isMinusLog10OfTheBinomialTail() {
        // P(X >= 8) for X ~ Bin(10, 1/2) = (45 + 10 + 1) / 1024
        assertThat(NoveltySurprise.of(8, 10, 0.5)).isCloseTo(-Math.log10(56 / 1024.0), within(1e-9));
        // P(X >= 1) for X ~ Bin(100, 0.01) = 1 - 0.99^100
        assertThat(NoveltySurprise.of(1, 100, 0.01)).isCloseTo(-Math.log10(1 - Math.pow(0.99, 100)), within(1e-9));
    }

    @Test
    void noNoveltyIsNoEvidence() {
        assertThat(NoveltySurprise.of(0, 1000, 0.01)).isZero();
    }

    @Test
    void theSameNovelEventsWeighMoreInAYoungerContainer() {
        assertThat(NoveltySurprise.of(5, 20, 0.001)).isGreaterThan(NoveltySurprise.of(5, 20_000, 0.001));
    }

    @Test
    void growsWithEveryNovelEvent() {
        double previous = 0;
        for (int novel = 1; novel <= 50; novel++) {
            double now = NoveltySurprise.of(novel, 500, 0.002);
            assertThat(now).isGreaterThan(previous);
            previous = now;
        }
    }

    @Test
    void logGammaMatchesFactorials() {
        assertThat(LogGamma.of(11)).isCloseTo(Math.log(3_628_800), within(1e-10));
        assertThat(LogGamma.of(1)).isCloseTo(0, within(1e-12));
    }

    @Test
    void agreesWithTheTailSummedTermByTermOnEitherSideOfTheMean() {
        long[][] cases = {{3, 400, 0}, {40, 400, 0}, {41, 400, 0}, {60, 400, 0}, {1, 5000, 0}, {520, 5000, 0}, {900, 5000, 0}};
        double p = 0.1;
        for (long[] c : cases) {
            long novel = c[0];
            long events = c[1];
            double tail = 0;
            for (long k = novel; k <= events; k++) {
                tail += Math.exp(LogGamma.of(events + 1.0) - LogGamma.of(k + 1.0) - LogGamma.of(events - k + 1.0)
                        + k * Math.log(p) + (events - k) * Math.log1p(-p));
            }
            double expected = tail > 0 ? Math.max(0, -Math.log10(tail)) : Double.NaN;
            if (!Double.isNaN(expected) && expected < 300) {
                assertThat(NoveltySurprise.of(novel, events, p)).as("%d of %d", novel, events)
                        .isCloseTo(expected, within(1e-6 + expected * 1e-9));
            }
        }
        assertThat(NoveltySurprise.of(20_000, 100_000, 0.1)).as("far past the mean of a long life").isGreaterThan(300);
    }
}
