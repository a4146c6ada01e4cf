package io.habitus.model.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureSpecTests {

    @Test
    void roundTripsThroughJsonFriendlyValues() {
        FeatureSpec spec = FeatureSpec.defaults();
        assertThat(FeatureSpec.fromMap(spec.toMap())).isEqualTo(spec);
    }

    @Test
    void readsNumbersAsAJsonParserWouldGiveThem() {
        Map<String, Object> map = new HashMap<>(FeatureSpec.defaults().toMap());
        map.put("dimension", 4096L);
        map.put("decay", new java.math.BigDecimal("0.7"));
        map.put("groupWeights", Map.of("event", 1, "bigram", 0.5));

        FeatureSpec spec = FeatureSpec.fromMap(map);

        assertThat(spec.dimension()).isEqualTo(4096);
        assertThat(spec.decay()).isEqualTo(0.7);
        assertThat(spec.groupWeights()).containsExactly(Map.entry("bigram", 0.5), Map.entry("event", 1.0));
    }

    @Test
    void versionTwoIsVersionOneWithTheSequenceGroup() {
        FeatureSpec v1 = FeatureSpec.version1();
        FeatureSpec v2 = FeatureSpec.version2();

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.groupWeights()).containsAllEntriesOf(v1.groupWeights()).containsEntry("sequence", 3.0);
        assertThat(FeatureSpec.fromMap(v1.toMap())).isEqualTo(v1);
    }

    @Test
    void versionThreeIsTheDefaultAndVersionTwoWithTheActorGroups() {
        FeatureSpec v2 = FeatureSpec.version2();
        FeatureSpec v3 = FeatureSpec.defaults();

        assertThat(v3.version()).isEqualTo(3).isEqualTo(FeatureSpec.CURRENT_VERSION);
        assertThat(v3.groupWeights()).containsAllEntriesOf(v2.groupWeights()).containsEntry("actor", 1.0)
                .containsEntry("actorBigram", 0.5).containsEntry("actorSequence", 1.0).hasSize(12);
        assertThat(FeatureSpec.fromMap(v2.toMap())).isEqualTo(v2);
        assertThat(FeatureSpec.fromMap(v3.toMap())).isEqualTo(v3);
    }

    @Test
    void refusesWhatItCannotEncode() {
        FeatureSpec d = FeatureSpec.defaults();
        FeatureSpec v2 = FeatureSpec.version2();
        assertThatThrownBy(() -> new FeatureSpec(4, 4096, 8, 0.7, 1, d.groupWeights())).hasMessageContaining("version 4");
        assertThatThrownBy(() -> new FeatureSpec(1, 4096, 8, 0.7, 1, v2.groupWeights())).hasMessageContaining("sequence");
        assertThatThrownBy(() -> new FeatureSpec(2, 4096, 8, 0.7, 1, d.groupWeights()))
                .hasMessageContaining("actor").hasMessageContaining("version 3");
        assertThatThrownBy(() -> new FeatureSpec(1, 4000, 8, 0.7, 1, d.groupWeights())).hasMessageContaining("power of two");
        assertThatThrownBy(() -> new FeatureSpec(1, 4096, 0, 0.7, 1, d.groupWeights())).hasMessageContaining("window");
        assertThatThrownBy(() -> new FeatureSpec(1, 4096, 8, 0.0, 1, d.groupWeights())).hasMessageContaining("decay");
        assertThatThrownBy(() -> new FeatureSpec(1, 4096, 8, 0.7, 1, Map.of("colour", 1.0))).hasMessageContaining("colour");
        assertThatThrownBy(() -> new FeatureSpec(1, 4096, 8, 0.7, 1, Map.of("event", -1.0))).hasMessageContaining("event");
        assertThatThrownBy(() -> FeatureSpec.fromMap(Map.of("version", 1))).hasMessageContaining("groupWeights");
    }
}
