package io.habitus.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.profile.internal.ProfileBuilder;
import io.habitus.profile.internal.ProfileEntry;
import io.habitus.profile.persistence.ContainerDelta;
import io.habitus.profile.persistence.ObservationDelta;
import io.habitus.profile.persistence.ObservationStore;
import io.habitus.profile.persistence.Observed;
import io.habitus.support.Events;
import io.habitus.support.IntegrationTest;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A window's observations read without a join give the same profile as the join they replaced
 * (kept here, verbatim, as the specification): same tokens, counts, times and examples, same
 * containers and nodes behind each, and so the same entries once wide directories collapse.
 */
class LearnedProfileTests extends IntegrationTest {

    /** The query observations were read with until FINISH took minutes at fleet scale (issue #17). */
    private static final String JOINED = """
            select o.kind, o.pattern, o.count, o.first_seen, o.last_seen, o.examples,
                   coalesce(array_agg(distinct oc.container_id) filter (where oc.container_id is not null), '{}') as containers,
                   coalesce(array_agg(distinct wc.node) filter (where wc.node is not null), '{}') as nodes
            from profile_observation o
            left join profile_observation_container oc
                   on oc.digest = o.digest and oc.window_no = o.window_no and oc.kind = o.kind and oc.pattern = o.pattern
            left join profile_window_container wc
                   on wc.digest = oc.digest and wc.window_no = oc.window_no and wc.container_id = oc.container_id
            where o.digest = :digest and o.window_no = :window
            group by o.kind, o.pattern, o.count, o.first_seen, o.last_seen, o.examples
            order by o.kind, o.pattern
            """;

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00.123456Z");

    @Autowired
    ObservationStore store;

    @Autowired
    ProfileBuilder builder;

    @Autowired
    JdbcClient jdbc;

    @Test
    void readingWithoutTheJoinGivesTheSameObservationsAndTheSameProfile() {
        String digest = Events.newDigest();
        learnWindow(digest, 1);
        learnWindow(digest, 2); // another window of the image must not leak in
        learnWindow(Events.newDigest(), 1); // nor another image

        List<Observed> read = store.observations(digest, 1);

        assertThat(normalised(read)).isEqualTo(normalised(joined(digest, 1)));
        List<ProfileEntry> entries = builder.build(read);
        assertThat(entries).isEqualTo(builder.build(joined(digest, 1)));

        ProfileEntry cache = entries.stream().filter(e -> e.pattern().equals("/var/cache/app/**")).findFirst().orElseThrow();
        assertThat(cache.count()).isEqualTo(60 * 3);
        assertThat(cache.containers()).isEqualTo(6);
        assertThat(cache.nodes()).isEqualTo(2); // container f has no node
        ProfileEntry conf = entries.stream().filter(e -> e.pattern().equals("/etc/app/app.conf")).findFirst().orElseThrow();
        assertThat(conf.containers()).isEqualTo(2);
        assertThat(conf.nodes()).isEqualTo(1);
        assertThat(conf.examples()).containsExactly("/etc/app/app.conf");
        ProfileEntry registeredOnly = entries.stream().filter(e -> e.pattern().equals("/usr/bin/registered-only"))
                .findFirst().orElseThrow();
        assertThat(registeredOnly.containers()).isZero();
        assertThat(registeredOnly.nodes()).isZero();
        assertThat(entries).hasSize(1 + 1 + 1 + 1);
    }

    /**
     * Six containers a–f on nodes n1, n2 and none (f); sixty cache files (a wide directory) read by
     * every container in turn, a config read by a and b, a syscall by all, and a token that was
     * registered but never counted (its batch's statistics were lost with a replica).
     */
    private void learnWindow(String digest, int window) {
        List<String> containers = List.of("a", "b", "c", "d", "e", "f");
        List<ContainerDelta> placed = new ArrayList<>();
        for (int i = 0; i < containers.size(); i++) {
            String node = i == 5 ? null : i % 2 == 0 ? "n1" : "n2";
            placed.add(new ContainerDelta(containers.get(i), node, T0.plusSeconds(i), T0.plusSeconds(600 + i), 100));
        }
        store.recordContainers(digest, window, placed);
        List<ObservationDelta> deltas = new ArrayList<>();
        for (int f = 0; f < 60; f++) {
            String path = "/var/cache/app/entry-" + f;
            deltas.add(new ObservationDelta("FILE_READ", path, 3, T0.plusSeconds(f), T0.plusSeconds(f + 30), Set.of(path),
                    Set.of(containers.get(f % 6), containers.get((f + 1) % 6))));
        }
        deltas.add(new ObservationDelta("FILE_READ", "/etc/app/app.conf", 2, T0, T0.plusSeconds(5), Set.of("/etc/app/app.conf"),
                Set.of("a", "c")));
        deltas.add(new ObservationDelta("SYSCALL", "futex", 40, T0, T0.plusSeconds(9), Set.of("futex"), Set.copyOf(containers)));
        store.registerTokens(digest, window, deltas);
        store.record(digest, window, deltas);
        store.registerTokens(digest, window, List.of(new ObservationDelta("PROCESS", "/usr/bin/registered-only", 1, T0, T0,
                Set.of("/usr/bin/registered-only"), Set.of("a"))));
    }

    private List<Observed> joined(String digest, int window) {
        return jdbc.sql(JOINED).param("digest", digest).param("window", window)
                .query((rs, n) -> new Observed(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant(), strings(rs, 6), strings(rs, 7), strings(rs, 8)))
                .list();
    }

    /** Tokens in key order, their containers and nodes sorted: what a profile depends on, not the order rows came in. */
    private static List<Observed> normalised(List<Observed> observed) {
        return observed.stream()
                .sorted((x, y) -> x.kind().equals(y.kind()) ? x.pattern().compareTo(y.pattern()) : x.kind().compareTo(y.kind()))
                .map(o -> new Observed(o.kind(), o.pattern(), o.count(), o.firstSeen(), o.lastSeen(), o.examples(),
                        o.containers().stream().sorted().toList(), o.nodes().stream().sorted().toList()))
                .toList();
    }

    private static List<String> strings(ResultSet rs, int column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
