package io.habitus.incident;

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
}
