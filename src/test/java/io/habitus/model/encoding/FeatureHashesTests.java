package io.habitus.model.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class FeatureHashesTests {

    @Test
    void aRememberedFeatureHashesAsAFreshOneAndTheTableStaysBounded() {
        String feature = "read /etc/nginx/* \u00d7 accept tcp/80";
        int expected = MurmurHash3.hash32(("ctx-test\u001f" + feature).getBytes(StandardCharsets.UTF_8), 5);
        for (int round = 0; round < 2; round++) {
            HashedVectorBuilder builder = new HashedVectorBuilder(1 << 24, 5);
            builder.addGroup("ctx-test", new FeatureBag().add(feature, 1), false, 1.0);
            assertThat(builder.indices()).containsExactly(expected & ((1 << 24) - 1));
        }
        assertThat(FeatureHashes.of("ctx-test", 5)).containsEntry(feature, expected);

        ConcurrentHashMap<String, Integer> table = FeatureHashes.of("bound-test", 5);
        for (int i = 0; i <= FeatureHashes.MAX_ENTRIES; i++) {
            FeatureHashes.remember(table, "f" + i, i);
        }
        assertThat(table.size()).isLessThanOrEqualTo(FeatureHashes.MAX_ENTRIES);
    }
}
