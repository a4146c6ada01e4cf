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
        level = SequenceRarity.level(level, 4, 1);
        assertThat(level).as("the first event alone").isEqualTo(4);
        level = SequenceRarity.level(level, 2, 2);
        assertThat(level).isEqualTo(3);
        for (long events = 3; events <= 200; events++) {
            level = SequenceRarity.level(level, 0, events);
        }
        assertThat(level).as("long after, the recent events weigh").isLessThan(0.01);
        double burst = level;
        for (long events = 201; events <= 210; events++) {
            burst = SequenceRarity.level(burst, 6, events);
        }
        assertThat(burst).as("ten rare events in a row lift an old container's level most of the way")
                .isGreaterThan(6 * (1 - Math.pow(0.9, 10)) - 0.01);
    }

    @Test
    void theCountsSurviveTheirBytes() {
        SequenceRarity copy = SequenceRarity.fromBytes(window().toBytes());

        assertThat(copy.events()).isEqualTo(1000);
        assertThat(copy.size()).isEqualTo(3);
        assertThat(copy.event(2, 10)).isEqualTo(window().event(2, 10));
    }
}
