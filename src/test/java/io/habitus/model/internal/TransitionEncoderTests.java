package io.habitus.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.model.ActorState;
import io.habitus.model.ContainerState;
import io.habitus.model.Transition;
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
        FeatureSpec v2 = FeatureSpec.version2();
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

    /** The golden transition performed by a worker that just accepted a connection and read a file. */
    private static final Transition NGINX_WORKER_READS = new Transition(NGINX_READS.before(), NGINX_READS.event(),
            NGINX_READS.after(), new ActorState("/usr/sbin/nginx <- /usr/sbin/nginx",
                    List.of("accept tcp/80", "read /proc/*/stat")));

    @Test
    void encodesTheGoldenTransitionWithItsActorToTheSameVectorForeverUnderVersionThree() {
        SparseVector vector = new TransitionEncoder(FeatureSpec.defaults()).encode(NGINX_WORKER_READS);

        assertThat(FeatureSpec.defaults().version()).isEqualTo(3);
        assertThat(vector.indices()).containsExactly(1, 737, 1312, 1573, 1993, 1999, 2128, 2257, 2336, 2376, 2439, 2987,
                3264, 3387, 3716, 3768, 3770);
        assertThat(vector.values()).containsExactly(1.0, 0.7602639486407321, 1.0, -0.28867513459481287, -1.0,
                -0.5321847640485124, -0.18626466741697933, 0.37252933483395867, -0.75, -0.28867513459481287, 0.5, -0.5,
                1.0, -0.28867513459481287, 3.0, -0.38013197432036605, 0.2660923820242562);
    }

    @Test
    void versionThreeIsVersionTwoPlusTheActorTheActorsPreviousTokenAndItsOwnSequence() {
        FeatureSpec v3 = FeatureSpec.defaults();
        java.util.Map<Integer, Double> expected = new java.util.TreeMap<>();
        SparseVector v2 = new TransitionEncoder(FeatureSpec.version2()).encode(NGINX_READS);
        for (int i = 0; i < v2.nonZeros(); i++) {
            expected.put(v2.indexAt(i), v2.valueAt(i));
        }
        String cross = " \u00d7 ";
        java.util.Map<String, String> features = java.util.Map.of(
                "actor", "connect tcp/5432" + cross + "/usr/sbin/nginx <- /usr/sbin/nginx",
                "actorBigram", "read /proc/*/stat" + cross + "connect tcp/5432",
                "actorSequence", "accept tcp/80 \u2192 read /proc/*/stat \u2192 connect tcp/5432");
        features.forEach((group, feature) -> {
            int hash = MurmurHash3.hash32(group + "\u001f" + feature, v3.hashSeed());
            double weight = v3.groupWeights().get(group);
            expected.merge(hash & 4095, hash < 0 ? -weight : weight, Double::sum);
        });

        SparseVector vector = new TransitionEncoder(v3).encode(NGINX_WORKER_READS);

        assertThat(vector.indices()).containsExactly(expected.keySet().stream().mapToInt(Integer::intValue).toArray());
        assertThat(vector.values()).containsExactly(expected.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Test
    void versionThreeWithoutAnActorEncodesAsVersionTwo() {
        assertThat(new TransitionEncoder(FeatureSpec.defaults()).encode(NGINX_READS))
                .isEqualTo(new TransitionEncoder(FeatureSpec.version2()).encode(NGINX_READS));
        assertThat(new TransitionEncoder(FeatureSpec.version2()).encode(NGINX_WORKER_READS))
                .isEqualTo(new TransitionEncoder(FeatureSpec.version2()).encode(NGINX_READS));
    }

    @Test
    void theSameReadByTheMasterAtStartAndByAWorkerMidRequestDifferOnlyInTheActorGroups() {
        ContainerState state = ContainerState.of(Set.of("/usr/sbin/nginx"), List.of("read /etc/nginx/nginx.conf"));
        String read = "read /etc/nginx/tls.key";
        TransitionEncoder encoder = new TransitionEncoder(FeatureSpec.defaults());
        SparseVector master = encoder.encode(new Transition(state, read, state,
                new ActorState("/usr/sbin/nginx <- ?", List.of("exec /usr/sbin/nginx <- ?", "read /etc/nginx/nginx.conf"))));
        SparseVector worker = encoder.encode(new Transition(state, read, state,
                new ActorState("/usr/sbin/nginx <- /usr/sbin/nginx", List.of("accept tcp/443", "read /var/www/*"))));
        SparseVector withoutActor = new TransitionEncoder(FeatureSpec.version2()).encode(new Transition(state, read, state));

        // Three features each, none shared: squared distance 2 × (1² + 0.5² + 1²).
        assertThat(squaredDistance(master, worker)).isCloseTo(4.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(squaredDistance(master, withoutActor)).isCloseTo(2.25, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void anActorsFirstEventStartsItsSequenceAndBigram() {
        assertThat(TransitionEncoder.sequence(List.of(), "e", 3)).isEqualTo("^ \u2192 e");
        assertThat(TransitionEncoder.sequence(List.of("a"), "e", 3)).isEqualTo("^ \u2192 a \u2192 e");
        assertThat(TransitionEncoder.sequence(List.of("a", "b", "c"), "e", 3)).isEqualTo("b \u2192 c \u2192 e");
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
        FeatureSpec wideTwo = new FeatureSpec(2, 1 << 24, 8, 0.7, 1, FeatureSpec.version2().groupWeights());
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

    private static double squaredDistance(SparseVector a, SparseVector b) {
        java.util.Map<Integer, Double> difference = new java.util.HashMap<>();
        for (int i = 0; i < a.nonZeros(); i++) {
            difference.merge(a.indexAt(i), a.valueAt(i), Double::sum);
        }
        for (int i = 0; i < b.nonZeros(); i++) {
            difference.merge(b.indexAt(i), -b.valueAt(i), Double::sum);
        }
        return difference.values().stream().mapToDouble(d -> d * d).sum();
    }
}
