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
        SparseVector vector = new TransitionEncoder(FeatureSpec.version1()).encode(NGINX_READS);

        assertThat(vector.dimension()).isEqualTo(4096);
        assertThat(vector.indices()).containsExactly(GoldenVector.INDICES);
        assertThat(vector.values()).containsExactly(GoldenVector.VALUES);
    }

    @Test
    void versionTwoAddsTheOrderedSequenceOfTheLastTokensAndTheEvent() {
        FeatureSpec v2 = FeatureSpec.defaults();
        SparseVector vector = new TransitionEncoder(v2).encode(NGINX_READS);
        // Three tokens before the event: fewer than five, so the sequence starts at the container's start.
        String sequence = "^ \u2192 exec /usr/sbin/nginx <- /usr/sbin/nginx \u2192 accept tcp/80 \u2192 read /proc/*/stat"
                + " \u2192 connect tcp/5432";
        int hash = MurmurHash3.hash32("sequence\u001f" + sequence, v2.hashSeed());
        java.util.Map<Integer, Double> expected = new java.util.TreeMap<>();
        for (int i = 0; i < GoldenVector.INDICES.length; i++) {
            expected.put(GoldenVector.INDICES[i], GoldenVector.VALUES[i]);
        }
        expected.merge(hash & 4095, hash < 0 ? -v2.groupWeights().get("sequence") : v2.groupWeights().get("sequence"),
                Double::sum);

        assertThat(TransitionEncoder.sequence(NGINX_READS.before().recentTokens(), NGINX_READS.event())).isEqualTo(sequence);
        assertThat(vector.indices()).containsExactly(expected.keySet().stream().mapToInt(Integer::intValue).toArray());
        assertThat(vector.values()).containsExactly(expected.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Test
    void theSequenceHoldsTheLastFiveTokensInOrder() {
        List<String> recent = List.of("t1", "t2", "t3", "t4", "t5", "t6", "t7");

        assertThat(TransitionEncoder.sequence(recent, "e")).isEqualTo("t3 \u2192 t4 \u2192 t5 \u2192 t6 \u2192 t7 \u2192 e");
        assertThat(TransitionEncoder.sequence(List.of(), "e")).isEqualTo("^ \u2192 e");
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
        FeatureSpec wide = new FeatureSpec(1, 1 << 24, 8, 0.7, 1, FeatureSpec.version1().groupWeights());
        SparseVector vector = new TransitionEncoder(wide).encode(NGINX_READS);
        // The delta group is empty: the process set did not change.
        double expected = 1 + 1 + 1 + 0.25 + 0.25 + 0.25 + 0.5625;
        assertThat(vector.squaredNorm()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
        FeatureSpec wideTwo = new FeatureSpec(2, 1 << 24, 8, 0.7, 1, FeatureSpec.defaults().groupWeights());
        assertThat(new TransitionEncoder(wideTwo).encode(NGINX_READS).squaredNorm())
                .isCloseTo(expected + 9.0, org.assertj.core.data.Offset.offset(1e-12));
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
        FeatureSpec reseeded = new FeatureSpec(defaults.version(), defaults.dimension(), defaults.window(), defaults.decay(), 1,
                defaults.groupWeights());
        assertThat(new TransitionEncoder(reseeded).encode(NGINX_READS))
                .isNotEqualTo(new TransitionEncoder(defaults).encode(NGINX_READS));
    }
}
