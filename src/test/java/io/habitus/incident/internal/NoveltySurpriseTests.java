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

    @Test
    void withoutDispersionItIsTheBinomial() {
        // P(X >= 8) for X ~ Bin(10, 1/2) = (45 + 10 + 1) / 1024
        assertThat(NoveltySurprise.of(8, 10, 0.5, 0)).isCloseTo(-Math.log10(56 / 1024.0), within(1e-9));
    }

    @Test
    void aDispersedNullWeighsTheEventsOfOneContainerAsFewerIndependentTrials() {
        double rho = 0.2;
        // The design effect D = 1 + (n - 1) rho: 8 novel of 200 weigh as 8 / D of 200 / D trials.
        double design = 1 + 199 * rho;
        double k = 8 / design;
        double n = 200 / design;
        // The continuous binomial tail P(X >= k) = I_p(k, n - k + 1); for whole numbers the sum of the terms.
        assertThat(NoveltySurprise.of(8, 200, 0.01, rho))
                .isCloseTo(-Math.log10(org.apache.commons.math3.special.Beta.regularizedBeta(0.01, k, n - k + 1)), within(1e-9));
        // Whole effective counts, summed independently: 4 novel of 10 at rho = 1/9 (D = 2) weigh as 2 of 5
        // trials, P(X >= 2) = 1 - (1 - p)^5 - 5 p (1 - p)^4.
        double p = 0.01;
        double tail = 1 - Math.pow(1 - p, 5) - 5 * p * Math.pow(1 - p, 4);
        assertThat(NoveltySurprise.of(4, 10, p, 1.0 / 9)).isCloseTo(-Math.log10(tail), within(1e-9));
        assertThat(NoveltySurprise.of(3, 10, 0.1, 1e-12)).as("a vanishing dispersion is the binomial")
                .isCloseTo(NoveltySurprise.of(3, 10, 0.1), within(1e-6));
    }

    @Test
    void dispersedALongLifeWithABurstWeighsLessAndAMostlyNovelShortOneStillStandsOut() {
        double rho = 0.2;
        double p = 0.005;
        // Binomial: 60 novel events in 4,000 (a long normal life with a few bursts) outweigh 12 in 120.
        assertThat(NoveltySurprise.of(60, 4000, p)).isGreaterThan(NoveltySurprise.of(12, 120, p));
        // Dispersed: the short container whose tenth is new is the more surprising one.
        assertThat(NoveltySurprise.of(12, 120, p, rho)).isGreaterThan(NoveltySurprise.of(60, 4000, p, rho));
        double previous = 0;
        for (int novel = 1; novel <= 120; novel++) {
            double now = NoveltySurprise.of(novel, 120, p, rho);
            assertThat(now).as("grows with every novel event").isGreaterThan(previous);
            previous = now;
        }
        assertThat(NoveltySurprise.of(5, 20, p, rho)).as("younger weighs more").isGreaterThan(NoveltySurprise.of(5, 2000, p, rho));
    }

    @Test
    void theDispersionIsTheMethodOfMomentsCorrelation() {
        // Four containers of 100 events: two never novel, two novel on half their events: p = 0.25.
        long[] events = {100, 100, 100, 100};
        double p = 0.25;
        // Σ[(U − Np)² − Np(1 − p)] / Σ N(N − 1)p(1 − p) = 4 (625 − 18.75) / (4 · 9900 · 0.1875)
        assertThat(NoveltyDispersion.of(new long[] {0, 0, 50, 50}, events, p)).isCloseTo((625 - 18.75) / (9900 * 0.1875), within(1e-12));
        assertThat(NoveltyDispersion.of(new long[] {25, 25, 25, 25}, events, p))
                .as("less spread than independent events: the binomial").isZero();
        assertThat(NoveltyDispersion.of(new long[] {0, 0, 100, 100}, events, 0.5)).as("at most").isEqualTo(NoveltyDispersion.MAX);
    }

    @Test
    void aDispersedSurpriseIsFiniteNonNegativeAndGrowsWithNoveltyOverEveryCountItMeets() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 2000; i++) {
            long events = 1 + (long) Math.pow(10, random.nextDouble() * 7);
            double p = Math.pow(10, -1 - random.nextDouble() * 6);
            double rho = random.nextBoolean() ? Math.pow(10, -random.nextDouble() * 9) : 0.5 * random.nextDouble();
            long novel = 1 + (long) (random.nextDouble() * Math.min(events, 5 + events * p * 20));
            double surprise = NoveltySurprise.of(novel, events, p, rho);
            assertThat(surprise).as("%d of %d at %s, rho %s", novel, events, p, rho).isFinite().isGreaterThanOrEqualTo(0);
            if (novel < events) {
                assertThat(NoveltySurprise.of(novel + 1, events, p, rho)).isGreaterThanOrEqualTo(surprise);
            }
        }
    }
}
