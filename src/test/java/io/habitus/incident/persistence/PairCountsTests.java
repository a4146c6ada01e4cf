package io.habitus.incident.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PairCountsTests {

    @Test
    void countsCarriedThroughManyBatchesAndStoredVersionsEqualOnePlainMap() {
        Random random = new Random(7);
        Map<Long, Integer> expected = new HashMap<>();
        PairCounts counts = PairCounts.none();
        int rewrites = 0;
        for (int batch = 0; batch < 300; batch++) {
            PairCounts.Tally tally = counts.tally();
            int size = 1 + random.nextInt(batch % 7 == 0 ? 60 : 5);
            for (int i = 0; i < size; i++) {
                long key = random.nextInt(400) - 200L;
                tally.add(key);
                expected.merge(key, 1, Integer::sum);
                assertThat(tally.contains(key)).isTrue();
            }
            assertThat(tally.size()).isEqualTo(expected.size());
            PairCounts next = tally.counts();
            if (next.rewrite()) {
                rewrites++;
            }
            // What a store holds after the write, read back: the base and the log as written.
            PairCounts reread = reread(counts, next);
            assertThat(reread.toMap()).isEqualTo(expected);
            assertThat(reread.size()).isEqualTo(expected.size());
            counts = batch % 2 == 0 ? next.asStored() : reread;
        }
        assertThat(rewrites).as("the log is folded into a new base now and then").isBetween(10, 150);
    }

    @Test
    void aFullMixWeighsAboutTwentyFourBytesAPairInMemory() {
        PairCounts.Tally tally = PairCounts.none().tally();
        for (long key = 0; key < 4096; key++) {
            tally.add(key * 0x9E3779B97F4A7C15L);
        }
        PairCounts full = tally.counts();

        assertThat(full.size()).isEqualTo(4096);
        // keys and counts in open-addressed arrays: 12 bytes a slot, at most half of them empty (HPPC's load factor)
        assertThat(full.bytes()).isBetween(4096L * 12, 4096L * 32);
    }

    @Test
    void aTallyLeavesTheCountsItStartedFromUnchanged() {
        PairCounts.Tally first = PairCounts.none().tally();
        first.add(1);
        first.add(1);
        first.add(2);
        PairCounts stored = first.counts().asStored();
        PairCounts.Tally whatIf = stored.tally();
        whatIf.add(3);
        assertThat(whatIf.toMap()).isEqualTo(Map.of(1L, 2, 2L, 1, 3L, 1));
        assertThat(stored.toMap()).isEqualTo(Map.of(1L, 2, 2L, 1));
        assertThat(stored.contains(3)).isFalse();
        assertThat(stored.size()).isEqualTo(2);
    }

    @Test
    void aNewEpisodesCountsAreWrittenWholeAndLaterBatchesOnlyAppend() {
        PairCounts.Tally tally = PairCounts.none().tally();
        tally.add(5);
        PairCounts fresh = tally.counts();
        assertThat(fresh.rewrite()).isTrue();
        PairCounts.Tally next = fresh.asStored().tally();
        next.add(6);
        PairCounts appended = next.counts();
        assertThat(appended.rewrite()).isFalse();
        assertThat(appended.appendedBytes()).hasSize(Long.BYTES);
    }

    /** The row as {@link EvidenceStore#save} leaves it: whole, or the earlier log with the batch appended. */
    private static PairCounts reread(PairCounts before, PairCounts written) {
        if (written.rewrite()) {
            return PairCounts.stored(written.baseBytes(), written.logBytes());
        }
        byte[] log = concat(before.rewrite() ? new byte[0] : before.asStored().logBytes(), written.appendedBytes());
        byte[] base = before.asStored().baseBytes();
        return PairCounts.stored(base, before.rewrite() ? written.logBytes() : log);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
