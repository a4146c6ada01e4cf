package io.habitus.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The checksum helper gives the standard SHA-256 values (FIPS 180-2 test vectors). */
class Sha256Tests {

    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void hashesTextAsItsUtf8BytesInLowerCaseHex() {
        assertThat(Sha256.hex("")).isEqualTo(EMPTY);
        assertThat(Sha256.hex("abc")).isEqualTo(ABC);
        assertThat(Sha256.hex("/bin/ß")).isEqualTo(Sha256.hex("/bin/ß".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void hashesBytes() {
        assertThat(Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ABC);
        assertThat(Sha256.hex(new byte[0])).isEqualTo(EMPTY);
    }

    @Test
    void everyDigestStartsFreshWhateverAnotherWasFed() {
        MessageDigest first = Sha256.newDigest();
        first.update("a".getBytes(StandardCharsets.US_ASCII));
        MessageDigest second = Sha256.newDigest();
        second.update("abc".getBytes(StandardCharsets.US_ASCII));
        first.update("bc".getBytes(StandardCharsets.US_ASCII));
        assertThat(HexFormat.of().formatHex(first.digest())).isEqualTo(ABC);
        assertThat(HexFormat.of().formatHex(second.digest())).isEqualTo(ABC);
        assertThat(HexFormat.of().formatHex(Sha256.newDigest().digest())).isEqualTo(EMPTY);
    }
}
