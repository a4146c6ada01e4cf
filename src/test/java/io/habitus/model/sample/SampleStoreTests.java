package io.habitus.model.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.support.Events;
import io.habitus.support.IntegrationTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Chunks are append-only: the same transition written twice (two replicas, two batches) reads as one. */
class SampleStoreTests extends IntegrationTest {

    @Autowired
    SampleStore store;

    private static SampledTransition transition(String event, Instant seen) {
        return SampledTransition.of(List.of("/usr/sbin/nginx"), List.of("accept tcp/80"), event, List.of("/usr/sbin/nginx"),
                List.of("accept tcp/80", event), "/usr/sbin/nginx <- /usr/sbin/nginx", List.of("accept tcp/80"), seen);
    }

    @Test
    void duplicatesAcrossChunksMergeWithSummedCountsAndTheEarliestFirstSeen() {
        String digest = Events.newDigest();
        Instant t0 = Instant.parse("2026-11-28T10:00:00.123456Z");
        store.append(digest, 1, List.of(new SampleRow(transition("read /etc/nginx/*", t0.plusSeconds(5)), 3),
                new SampleRow(transition("connect tcp/8080", t0), 1)));
        store.append(digest, 1, List.of(new SampleRow(transition("read /etc/nginx/*", t0), 2)));
        store.append(digest, 2, List.of(new SampleRow(transition("read /etc/nginx/*", t0), 7)));
        String key = transition("read /etc/nginx/*", t0).key();
        store.addCounts(List.<Object[]>of(new Object[] {10L, digest, 1, key}));
        store.addCounts(List.<Object[]>of(new Object[] {1L, digest, 1, key}));

        List<SampleRow> rows = store.load(digest, 1);

        assertThat(rows).hasSize(2);
        SampleRow read = rows.stream().filter(r -> r.transition().key().equals(key)).findFirst().orElseThrow();
        assertThat(read.count()).isEqualTo(3 + 2 + 10 + 1);
        assertThat(read.transition().firstSeen()).isEqualTo(t0);
        assertThat(read.transition().afterRecent()).containsExactly("accept tcp/80", "read /etc/nginx/*");
        assertThat(read.transition().actor()).isEqualTo("/usr/sbin/nginx <- /usr/sbin/nginx");
        assertThat(read.transition().actorRecent()).containsExactly("accept tcp/80");
        assertThat(rows).extracting(r -> r.transition().key()).isSorted();
        assertThat(store.countDistinct(digest, 1)).isEqualTo(3);
        assertThat(store.load(digest, 2)).singleElement().extracting(SampleRow::count).isEqualTo(7L);
        assertThat(store.load(digest, 3)).isEmpty();
    }

    /** The state after is left out of a chunk when it is implied; what is read back is the transition as written. */
    @Test
    void theStateAfterReadsBackWhetherItWasImpliedOrNot() {
        String digest = Events.newDigest();
        Instant t0 = Instant.parse("2026-11-28T10:00:00Z");
        List<String> full = List.of("a", "b", "c");
        List<SampledTransition> written = List.of(
                SampledTransition.of(List.of("/bin/sh"), full, "d", List.of("/bin/sh"), List.of("b", "c", "d"), null, null, t0),
                SampledTransition.of(List.of("/bin/sh"), List.of(), "exec /bin/ls <- /bin/sh", List.of("/bin/ls", "/bin/sh"),
                        List.of("exec /bin/ls <- /bin/sh"), "/bin/sh <- ?", List.of(), t0),
                SampledTransition.of(List.of(), full, "e", List.of(), List.of("x"), null, null, t0));
        store.append(digest, 1, written.stream().map(t -> new SampleRow(t, 1)).toList());

        assertThat(store.load(digest, 1)).extracting(SampleRow::transition)
                .containsExactlyInAnyOrderElementsOf(written);
    }
}
