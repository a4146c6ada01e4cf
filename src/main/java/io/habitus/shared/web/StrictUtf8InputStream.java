package io.habitus.shared.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a JSON body through while checking that it is well-formed UTF-8 (RFC 3629), and fails
 * with {@link MalformedUtf8Exception} at the first byte that is not, before handing it on. The
 * JSON parser alone is lenient: it decodes an overlong {@code C0 AF} as {@code /}, so that
 * {@code /bin/\xc0\xafsh} would be stored as {@code /bin//sh}. Refused as well: UTF-16 surrogates,
 * code points above U+10FFFF, stray continuation bytes, sequences cut short (also at the end of the
 * body), and NUL, which JSON text never contains unescaped and which would let the parser take the
 * body for UTF-16 or UTF-32.
 */
final class StrictUtf8InputStream extends FilterInputStream {

    /** Continuation bytes still expected in the current sequence. */
    private int pending;
    /** Allowed range of the next continuation byte: narrower right after some lead bytes. */
    private int lower = 0x80;
    private int upper = 0xBF;
    private int lead;
    /** Bytes checked so far, to say where the body broke. */
    private long offset;
    /** Whether a backslash went by: JSON text without one has no escape in any string. */
    private boolean backslash;

    StrictUtf8InputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            end();
        } else {
            check(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        int n = in.read(buffer, off, len);
        if (n < 0) {
            end();
        }
        for (int i = off; i < off + n; i++) {
            int b = buffer[i];
            if (pending == 0 && b > 0) {
                offset++; // ASCII, by far the most common byte: no state to change
                backslash |= b == '\\';
            } else {
                check(b & 0xFF);
            }
        }
        return n;
    }

    /** Skipped bytes are read and checked like any others. */
    @Override
    public long skip(long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(8192, Math.max(n, 0))];
        long skipped = 0;
        while (skipped < n) {
            int read = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    /**
     * Whether the bytes read so far held no backslash. In JSON text (RFC 8259) a string holds a quote, a
     * backslash or a control character only through an escape, and NUL or a UTF-16 surrogate only through a
     * backslash-u escape (this stream refuses both raw, the parser refuses raw control characters): without a
     * backslash, no string of the body holds any of them.
     */
    boolean noBackslash() {
        return !backslash;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void check(int b) throws MalformedUtf8Exception {
        if (pending == 0) {
            start(b);
        } else if (b < lower || b > upper) {
            throw malformed(b, continuationProblem(b));
        } else {
            pending--;
            lower = 0x80;
            upper = 0xBF;
        }
        offset++;
    }

    private void start(int b) throws MalformedUtf8Exception {
        lead = b;
        backslash |= b == '\\';
        if (b == 0) {
            throw malformed(b, "NUL, which JSON text never contains unescaped");
        } else if (b < 0x80) {
            return;
        } else if (b < 0xC0) {
            throw malformed(b, "a continuation byte without a lead byte");
        } else if (b < 0xC2) {
            throw malformed(b, "the start of an overlong encoding");
        } else if (b < 0xE0) {
            expect(1, 0x80, 0xBF);
        } else if (b == 0xE0) {
            expect(2, 0xA0, 0xBF);
        } else if (b == 0xED) {
            expect(2, 0x80, 0x9F);
        } else if (b < 0xF0) {
            expect(2, 0x80, 0xBF);
        } else if (b == 0xF0) {
            expect(3, 0x90, 0xBF);
        } else if (b < 0xF4) {
            expect(3, 0x80, 0xBF);
        } else if (b == 0xF4) {
            expect(3, 0x80, 0x8F);
        } else {
            throw malformed(b, "never part of UTF-8");
        }
    }

    private void expect(int continuations, int low, int high) {
        pending = continuations;
        lower = low;
        upper = high;
    }

    private String continuationProblem(int b) {
        if (b < 0x80 || b > 0xBF) {
            return "not a continuation byte: the sequence started by 0x%02X is cut short".formatted(lead);
        }
        return switch (lead) {
            case 0xE0, 0xF0 -> "part of an overlong encoding";
            case 0xED -> "part of an encoded UTF-16 surrogate";
            case 0xF4 -> "part of a code point above U+10FFFF";
            default -> "not allowed here";
        };
    }

    private void end() throws MalformedUtf8Exception {
        if (pending > 0) {
            throw new MalformedUtf8Exception("the body ends inside a multi-byte sequence (started by 0x%02X)".formatted(lead));
        }
    }

    private MalformedUtf8Exception malformed(int b, String problem) {
        return new MalformedUtf8Exception("byte 0x%02X at offset %d is %s".formatted(b, offset, problem));
    }
}
