package io.habitus.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.model.encoding.MurmurHash3;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TransitionEncoderTests {

    private static final Transition NGINX_READS = new Transition(
            ContainerState.of(Set.of("/usr/sbin/nginx"), List.of("exec /usr/sbin/nginx <- /usr/sbin/nginx",
                    "accept tcp/80", "read /proc/*/stat")),
            "connect tcp/5432",
            ContainerState.of(Set.of("/usr/sbin/nginx"), List.of("exec /usr/sbin/nginx <- /usr/sbin/nginx",
                    "accept tcp/80", "read /proc/*/stat", "connect tcp/5432")));

    @Test
    void encodesTheGoldenTransitionToTheSameVectorForever() {
        SparseVector vector = new TransitionEncoder(FeatureSpec.defaults()).encode(NGINX_READS);

        assertThat(vector.dimension()).isEqualTo(4096);
        assertThat(vector.indices()).containsExactly(GoldenVector.INDICES);
        assertThat(vector.values()).containsExactly(GoldenVector.VALUES);
    }

    @Test
    void anEventOnlySpecPutsPlusOrMinusTheWeightAtTheMurmurIndexOfTheToken() {
        FeatureSpec eventOnly = new FeatureSpec(1, 1024, 8, 0.7, 99, Map.of("event", 2.0));
        int hash = MurmurHash3.hash32("event\u001fconnect tcp/5432", 99);

        SparseVector vector = new TransitionEncoder(eventOnly).encode(NGINX_READS);

        assertThat(vector.indices()).containsExactly(hash & 1023);
        assertThat(vector.values()).containsExactly(hash < 0 ? -2.0 : 2.0);
    }

    @Test
    void theSquaredNormIsTheSumOfTheSquaredWeightsOfTheNonEmptyGroups() {
        FeatureSpec wide = new FeatureSpec(1, 1 << 24, 8, 0.7, 1, FeatureSpec.defaults().groupWeights());
        SparseVector vector = new TransitionEncoder(wide).encode(NGINX_READS);
        // The delta group is empty: the process set did not change.
        double expected = 1 + 1 + 1 + 0.25 + 0.25 + 0.25 + 0.5625;
        assertThat(vector.squaredNorm()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void theOrderOfTheCallersProcessSetDoesNotMatter() {
        ContainerState a = ContainerState.of(List.of("/b", "/a", "/c"), List.of("read /x"));
        java.util.TreeSet<String> reversed = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        reversed.addAll(List.of("/a", "/b", "/c"));
        ContainerState b = new ContainerState(reversed, List.of("read /x"));
        TransitionEncoder encoder = new TransitionEncoder(FeatureSpec.defaults());

        assertThat(encoder.encode(new Transition(a, "exec /d <- /a", a)))
                .isEqualTo(encoder.encode(new Transition(b, "exec /d <- /a", b)));
    }

    @Test
    void onlyTheLastKTokensCount() {
        FeatureSpec spec = FeatureSpec.defaults();
        List<String> window = List.of("t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8");
        List<String> longer = new java.util.ArrayList<>(List.of("old1", "old2"));
        longer.addAll(window);
        TransitionEncoder encoder = new TransitionEncoder(spec);

        SparseVector shortHistory = encoder.encode(new Transition(ContainerState.of(Set.of(), window), "e", ContainerState.EMPTY));
        SparseVector longHistory = encoder.encode(new Transition(ContainerState.of(Set.of(), longer), "e", ContainerState.EMPTY));

        assertThat(longHistory).isEqualTo(shortHistory);
    }

    @Test
    void theSameEventInAnotherContextGivesAnotherVector() {
        TransitionEncoder encoder = new TransitionEncoder(FeatureSpec.defaults());
        ContainerState nginx = ContainerState.of(Set.of("/usr/sbin/nginx"), List.of("accept tcp/80"));
        ContainerState rotating = ContainerState.of(Set.of("/usr/sbin/nginx", "/usr/sbin/logrotate"),
                List.of("exec /usr/sbin/logrotate <- /usr/sbin/cron"));
        String event = "exec /bin/sh <- /usr/sbin/nginx";

        assertThat(encoder.encode(new Transition(nginx, event, nginx)))
                .isNotEqualTo(encoder.encode(new Transition(rotating, event, rotating)));
    }

    @Test
    void anotherSeedGivesAnotherVector() {
        FeatureSpec defaults = FeatureSpec.defaults();
        FeatureSpec reseeded = new FeatureSpec(1, defaults.dimension(), defaults.window(), defaults.decay(), 1,
                defaults.groupWeights());
        assertThat(new TransitionEncoder(reseeded).encode(NGINX_READS))
                .isNotEqualTo(new TransitionEncoder(defaults).encode(NGINX_READS));
    }
}
