package io.habitus.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The UTF-8 check agrees with the JDK's strict decoder on any bytes, however the reader chunks them. */
class StrictUtf8InputStreamTests {

    @Property(tries = 2000)
    void acceptsExactlyWhatTheJdksStrictDecoderAcceptsWithoutNul(@ForAll @Size(max = 40) byte[] bytes,
            @ForAll @IntRange(min = 1, max = 7) int chunk) throws IOException {
        boolean valid = strictlyDecodable(bytes) && !containsNul(bytes);
        if (valid) {
            assertThat(readAll(bytes, chunk)).isEqualTo(bytes);
        } else {
            assertThatThrownBy(() -> readAll(bytes, chunk)).isInstanceOf(MalformedUtf8Exception.class);
        }
    }

    @Property(tries = 500)
    void passesAnyWellFormedTextThroughUnchanged(@ForAll String text, @ForAll @IntRange(min = 1, max = 9) int chunk)
            throws IOException {
        String withoutNul = text.replace('\0', ' ');
        byte[] bytes = withoutNul.getBytes(StandardCharsets.UTF_8);
        if (strictlyDecodable(bytes)) { // lone surrogates in a random String encode as '?'
            assertThat(readAll(bytes, chunk)).isEqualTo(bytes);
        }
    }

    @Property(tries = 500)
    void notesWhetherABackslashWentByHoweverTheReaderChunksTheBody(@ForAll String text,
            @ForAll @IntRange(min = 1, max = 9) int chunk) throws IOException {
        byte[] bytes = text.replace('\0', ' ').getBytes(StandardCharsets.UTF_8);
        if (!strictlyDecodable(bytes)) {
            return; // lone surrogates in a random String encode as '?'
        }
        StrictUtf8InputStream in = new StrictUtf8InputStream(new ByteArrayInputStream(bytes));
        byte[] buffer = new byte[chunk];
        while (in.read(buffer, 0, chunk) >= 0 && in.read() >= 0) {
            // read it all, in chunks and single bytes as parsers do
        }
        assertThat(in.noBackslash()).isEqualTo(text.indexOf('\\') < 0);
    }

    @Test
    void namesTheOffendingByteAndItsOffset() {
        byte[] bytes = {'"', '/', 'b', 'i', 'n', '/', (byte) 0xC0, (byte) 0xAF, 's', 'h', '"'};
        assertThatThrownBy(() -> readAll(bytes, 64)).isInstanceOf(MalformedUtf8Exception.class)
                .hasMessage("The body is not valid UTF-8: byte 0xC0 at offset 6 is the start of an overlong encoding");
    }

    @Test
    void aSequenceCutShortByTheEndOfTheBodyIsRefused() {
        byte[] bytes = {'{', '}', (byte) 0xE2, (byte) 0x82};
        assertThatThrownBy(() -> readAll(bytes, 1)).isInstanceOf(MalformedUtf8Exception.class)
                .hasMessageContaining("ends inside a multi-byte sequence");
    }

    @Test
    void skippedBytesAreCheckedToo() throws IOException {
        try (InputStream in = new StrictUtf8InputStream(new ByteArrayInputStream(new byte[] {'a', (byte) 0xFF, 'b'}))) {
            assertThatThrownBy(() -> in.skip(3)).isInstanceOf(MalformedUtf8Exception.class);
        }
    }

    @Test
    void aLargeMixedBodyReadInOddChunksIsPassedThrough() throws IOException {
        StringBuilder text = new StringBuilder();
        Random random = new Random(7);
        String[] pieces = {"/usr/sbin/nginx", "caf\u00e9", "\u65e5\u672c", "\uD83D\uDE80", "\u00ff\u0100", "{\"a\":1}"};
        while (text.length() < 100_000) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(readAll(bytes, 8191)).isEqualTo(bytes);
        assertThat(readAll(bytes, 3)).isEqualTo(bytes);
    }

    private static byte[] readAll(byte[] bytes, int chunk) throws IOException {
        try (InputStream in = new StrictUtf8InputStream(new ByteArrayInputStream(bytes))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[chunk];
            int n;
            while ((n = in.read(buffer, 0, chunk)) >= 0) {
                out.write(buffer, 0, n);
                int single = in.read(); // mix single-byte reads in, as parsers do
                if (single < 0) {
                    break;
                }
                out.write(single);
            }
            return out.toByteArray();
        }
    }

    private static boolean strictlyDecodable(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean containsNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }
}
