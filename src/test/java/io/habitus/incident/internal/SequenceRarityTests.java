package io.habitus.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SequenceRarityTests {

    /** 1,000 learning events: sequence 1 ended 900 of them, sequence 2 ended one; local sequence 10 ended all. */
    private static SequenceRarity window() {
        return new SequenceRarity(new long[] {1, 2, 10}, new int[] {900, 1, 1000}, 1000);
    }

    @Test
    void anEventsRarityIsTheLogOfItsSequencesSharesOfTheWindow() {
        SequenceRarity rarity = window();

        assertThat(rarity.event(1, 10)).isCloseTo(-Math.log10(900.1 / 1000) - Math.log10(1000.1 / 1000), within(1e-12));
        assertThat(rarity.event(2, 10)).as("seen once in a thousand").isCloseTo(-Math.log10(1.1 / 1000) - Math.log10(1000.1 / 1000),
                within(1e-12));
        assertThat(rarity.event(3, 11)).as("never seen, at both lengths").isCloseTo(2 * Math.log10(1000 / 0.1), within(1e-12))
                .isEqualTo(rarity.ceiling());
        assertThat(rarity.event(2, 10)).isGreaterThan(rarity.event(1, 10)).isLessThan(rarity.event(3, 10));
    }

    @Test
    void aDetectorWithoutCountsFindsNoRarity() {
        assertThat(SequenceRarity.none().event(3, 11)).isZero();
        assertThat(SequenceRarity.fromBytes(null).ceiling()).isZero();
    }

    @Test
    void theLevelIsTheMeanOfAYoungContainersEventsThenARecentWeightedMean() {
        double level = 0;
        level = SequenceRarity.level(level, 4, 1, SequenceRarity.MEMORY);
        assertThat(level).as("the first event alone").isEqualTo(4);
        level = SequenceRarity.level(level, 2, 2, SequenceRarity.MEMORY);
        assertThat(level).isEqualTo(3);
        for (long events = 3; events <= 200; events++) {
            level = SequenceRarity.level(level, 0, events, SequenceRarity.MEMORY);
        }
        assertThat(level).as("long after, the recent events weigh").isLessThan(0.01);
        double burst = level;
        for (long events = 201; events <= 210; events++) {
            burst = SequenceRarity.level(burst, 6, events, SequenceRarity.MEMORY);
        }
        assertThat(burst).as("ten rare events in a row lift an old container's level most of the way")
                .isGreaterThan(6 * (1 - Math.pow(0.9, 10)) - 0.01);
    }

    @Test
    void theLongLevelTellsASustainedRunOfRareSequencesFromABurst() {
        // A normal container's noise: a burst of 8 very rare events now and then, nothing rare between.
        double[] burst = peaks(i -> i % 100 >= 50 && i % 100 < 58 ? 8.0 : 0.0, 400);
        // An attack reusing what learning saw seldom: 40 moderately rare events in a row.
        double[] sustained = peaks(i -> i >= 200 && i < 240 ? 4.0 : 0.0, 400);

        assertThat(burst[0]).as("the short level: the burst peaks higher").isGreaterThan(sustained[0]);
        assertThat(sustained[1]).as("the long level: the sustained run peaks higher").isGreaterThan(burst[1]);
    }

    @Test
    void theRarityEvidenceIsTheLargerLevelEachOverItsOwnThresholdOnTheShortOnesScale() {
        ContainerDetector detector = detector(10.0, 5.0);
        assertThat(detector.rarityEvidence(8.0, 2.0)).as("short level past more of its threshold").isEqualTo(8.0);
        assertThat(detector.rarityEvidence(4.0, 4.5)).as("long level at 0.9 of its own: 9 on the short scale").isEqualTo(9.0);
        assertThat(detector(10.0, 0.0).rarityEvidence(4.0, 4.5)).as("a detector from before the long memory").isEqualTo(4.0);
    }

    /** The short and the long level's peaks over a container's events of the given rarity. */
    private static double[] peaks(java.util.function.IntToDoubleFunction rarity, int events) {
        double[] levels = new double[2];
        double[] peaks = new double[2];
        for (int i = 0; i < events; i++) {
            SequenceRarity.advance(levels, rarity.applyAsDouble(i), i + 1);
            peaks[0] = Math.max(peaks[0], levels[0]);
            peaks[1] = Math.max(peaks[1], levels[1]);
        }
        return peaks;
    }

    private static ContainerDetector detector(double rarityThreshold, double longRarityThreshold) {
        return new ContainerDetector(1, "sha256:" + "a".repeat(64), 1, LearnedSequences.of(new long[0]), java.util.Set.of(),
                SequenceNovelty.containerOnly(0.01, 3.0), new MixReferences(java.util.List.of(), new double[0]), 1.0, window(), rarityThreshold,
                longRarityThreshold, 5.0, true, false, java.time.Instant.EPOCH);
    }

    @Test
    void theCountsSurviveTheirBytes() {
        SequenceRarity copy = SequenceRarity.fromBytes(window().toBytes());

        assertThat(copy.events()).isEqualTo(1000);
        assertThat(copy.size()).isEqualTo(3);
        assertThat(copy.event(2, 10)).isEqualTo(window().event(2, 10));
    }
}
