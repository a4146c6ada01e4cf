package io.habitus.model.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Feature hashes and sample keys hash these bytes: they must be exactly what {@link String#getBytes} gives. */
class Utf8BytesTests {

    @Property(tries = 500)
    void appendedStringsAreTheirUtf8BytesInOrder(@ForAll String first, @ForAll String second) {
        Utf8Bytes bytes = new Utf8Bytes(4).append("stale").reset().append(first).append((byte) 0).append(second);

        byte[] expected = (first + "\u0000" + second).getBytes(StandardCharsets.UTF_8);
        byte[] separate = concat(first.getBytes(StandardCharsets.UTF_8), new byte[] {0},
                second.getBytes(StandardCharsets.UTF_8));
        assertThat(Arrays.copyOf(bytes.array(), bytes.length())).isEqualTo(separate);
        if (!hasSurrogate(first) && !hasSurrogate(second)) {
            assertThat(separate).isEqualTo(expected);
        }
    }

    private static boolean hasSurrogate(String s) {
        return s.chars().anyMatch(c -> Character.isSurrogate((char) c));
    }

    private static byte[] concat(byte[]... parts) {
        byte[] out = new byte[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
