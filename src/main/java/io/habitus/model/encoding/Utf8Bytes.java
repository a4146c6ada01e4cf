package io.habitus.model.encoding;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growing byte array that strings are appended to as UTF-8: ASCII characters are copied byte
 * by byte, any other string goes through {@link String#getBytes}, so the bytes are always exactly
 * those of {@code getBytes(UTF_8)} (unpaired surrogates replaced alike). Feature hashes (every
 * scored event) and sample keys (every learned event) are computed from it; reusable after
 * {@link #reset()}.
 */
public final class Utf8Bytes {

    private byte[] bytes;
    private int length;

    public Utf8Bytes(int capacity) {
        bytes = new byte[capacity];
    }

    public Utf8Bytes reset() {
        length = 0;
        return this;
    }

    public Utf8Bytes append(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                length -= i;
                byte[] encoded = s.getBytes(StandardCharsets.UTF_8);
                ensure(encoded.length);
                System.arraycopy(encoded, 0, bytes, length, encoded.length);
                length += encoded.length;
                return this;
            }
            bytes[length++] = (byte) c;
        }
        return this;
    }

    public Utf8Bytes append(byte b) {
        ensure(1);
        bytes[length++] = b;
        return this;
    }

    public Utf8Bytes append(byte[] more) {
        ensure(more.length);
        System.arraycopy(more, 0, bytes, length, more.length);
        length += more.length;
        return this;
    }

    /** The backing array; its first {@link #length()} bytes are the content. */
    public byte[] array() {
        return bytes;
    }

    public int length() {
        return length;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + more));
        }
    }
}
