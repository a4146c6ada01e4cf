package io.habitus.model.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class HashedVectorBuilderTests {

    @Test
    void aGroupHasTheL2NormOfItsWeightAndTheOrderOfAdditionDoesNotMatter() {
        HashedVectorBuilder forward = new HashedVectorBuilder(1 << 20, 7);
        forward.addGroup("g", new FeatureBag().add("a", 1).add("b", 2).add("c", 2), false, 0.5);
        HashedVectorBuilder backward = new HashedVectorBuilder(1 << 20, 7);
        backward.addGroup("g", new FeatureBag().add("c", 1).add("b", 2).add("a", 1).add("c", 1), false, 0.5);

        assertThat(backward.indices()).containsExactly(forward.indices());
        assertThat(backward.values()).containsExactly(forward.values());
        assertThat(Arrays.stream(forward.values()).map(v -> v * v).sum()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-15));
    }

    /** The reused-buffer encoding hashes exactly the bytes of the concatenated key, whatever the characters. */
    @Property(tries = 2000)
    void featuresHashAsTheUtf8OfGroupSeparatorAndFeature(@ForAll String feature, @ForAll("groups") String group) {
        for (String f : new String[] {feature, feature + " \u00d7 x", "\u2192 " + feature + "\ud83d\ude00", feature + "\ud800"}) {
            HashedVectorBuilder builder = new HashedVectorBuilder(1 << 24, 11);
            builder.addGroup(group, new FeatureBag().add(f, 1), false, 1.0);
            int hash = MurmurHash3.hash32((group + '\u001f' + f).getBytes(StandardCharsets.UTF_8), 11);
            assertThat(builder.indices()).containsExactly(hash & ((1 << 24) - 1));
            assertThat(builder.values()).containsExactly(hash < 0 ? -1.0 : 1.0);
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> groups() {
        return net.jqwik.api.Arbitraries.of("event", "context", "sequence", "gr\u00fcppe");
    }

    @Test
    void log1pDampensCounts() {
        HashedVectorBuilder builder = new HashedVectorBuilder(1 << 20, 7);
        builder.addGroup("g", new FeatureBag().add("rare", 1).add("often", 100), true, 1.0);
        double[] magnitudes = Arrays.stream(builder.values()).map(Math::abs).sorted().toArray();
        assertThat(magnitudes[1] / magnitudes[0]).isCloseTo(Math.log1p(100) / Math.log1p(1), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void emptyGroupsAndZeroWeightsAddNothing() {
        HashedVectorBuilder builder = new HashedVectorBuilder(64, 7);
        builder.addGroup("g", new FeatureBag(), false, 1.0);
        builder.addGroup("h", new FeatureBag().add("x", 1), false, 0.0);
        assertThat(builder.indices()).isEmpty();
    }

    @Test
    void refusesDimensionsThatAreNotPowersOfTwo() {
        assertThatThrownBy(() -> new HashedVectorBuilder(1000, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
