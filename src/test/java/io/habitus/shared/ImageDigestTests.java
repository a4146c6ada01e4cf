package io.habitus.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ImageDigestTests {

    @Property
    void anySha256InLowerCaseHexIsADigest(@ForAll @Size(32) byte[] hash) {
        String value = "sha256:" + HexFormat.of().formatHex(hash);
        assertThat(new ImageDigest(value).value()).isEqualTo(value);
    }

    @Test
    void tagsUpperCaseAndShortHashesAreNotDigests() {
        for (String value : new String[] {"nginx:1.27", "sha256:" + "A".repeat(64), "sha256:" + "a".repeat(63),
            "sha512:" + "a".repeat(64), "", " sha256:" + "a".repeat(64)}) {
            assertThat(ImageDigest.isValid(value)).as(value).isFalse();
            assertThatIllegalArgumentException().isThrownBy(() -> new ImageDigest(value));
        }
        assertThat(ImageDigest.isValid(null)).isFalse();
    }
}
