package io.habitus.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeenSequencesTests {

    @Test
    void aSequenceIsCountedOnceAndTheFilterSurvivesBeingStored() {
        SeenSequences seen = SeenSequences.none();
        assertThat(seen.bytes()).as("nothing stored while empty").isNull();

        assertThat(seen.add(0x1234_5678_9abc_def0L)).isTrue();
        assertThat(seen.add(0x1234_5678_9abc_def0L)).as("the same sequence again").isFalse();
        assertThat(seen.add(-42L)).isTrue();

        SeenSequences restored = SeenSequences.stored(seen.bytes());
        assertThat(restored.add(0x1234_5678_9abc_def0L)).isFalse();
        assertThat(restored.add(-42L)).isFalse();
        assertThat(restored.add(7L)).isTrue();
        assertThat(seen.bytes()).hasSizeLessThanOrEqualTo(SeenSequences.BITS / 8);
    }

    @Test
    void fewDistinctSequencesAreTakenForSeenOnesUntilHundredsWereCounted() {
        SplittableRandom random = new SplittableRandom(20261206);
        SeenSequences seen = SeenSequences.none();
        int counted = 0;
        for (int i = 0; i < 400; i++) {
            counted += seen.add(random.nextLong()) ? 1 : 0;
        }
        assertThat(counted).as("of 400 distinct fingerprints (documented: about 1 %% missed)").isGreaterThanOrEqualTo(392);
        SplittableRandom replay = new SplittableRandom(20261206);
        for (int i = 0; i < 400; i++) {
            assertThat(seen.add(replay.nextLong())).as("never counted twice").isFalse();
        }
    }
}
