package io.habitus.model.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MurmurHash3Tests {

    @Test
    void matchesTheReferenceImplementationsPublishedVectors() {
        assertThat(MurmurHash3.hash32("", 0)).isEqualTo(0);
        assertThat(MurmurHash3.hash32("", 1)).isEqualTo(0x514E28B7);
        assertThat(MurmurHash3.hash32("", 0xffffffff)).isEqualTo(0x81F16F39);
        assertThat(MurmurHash3.hash32("hello", 0)).isEqualTo(0x248BFA47);
        assertThat(MurmurHash3.hash32("aaaa", 0x9747b28c)).isEqualTo(0x5A97808A);
        assertThat(MurmurHash3.hash32("Hello, world!", 0x9747b28c)).isEqualTo(0x24884CBA);
        assertThat(MurmurHash3.hash32("The quick brown fox jumps over the lazy dog", 0)).isEqualTo(0x2E4FF723);
    }

    @Test
    void hashesEveryTailLength() {
        assertThat(MurmurHash3.hash32("a", 0x9747b28c)).isEqualTo(0x7FA09EA6);
        assertThat(MurmurHash3.hash32("aa", 0x9747b28c)).isEqualTo(0x5D211726);
        assertThat(MurmurHash3.hash32("aaa", 0x9747b28c)).isEqualTo(0x283E0130);
    }
}
