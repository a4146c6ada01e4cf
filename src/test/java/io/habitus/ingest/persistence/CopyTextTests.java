package io.habitus.ingest.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CopyTextTests {

    @Property
    void escapingRoundTripsAndLeavesNoRawSeparators(@ForAll String value) {
        String escaped = CopyText.escape(value);
        assertThat(escaped).doesNotContain("\t", "\n", "\r");
        assertThat(unescape(escaped)).isEqualTo(value);
    }

    @Test
    void nullBecomesTheNullMarker() {
        assertThat(CopyText.escape(null)).isEqualTo("\\N");
    }

    @Test
    void aRowHasNineTabSeparatedColumnsAndEndsWithANewline() {
        JsonMapper json = JsonMapper.builder().build();
        EventRow row = new EventRow(Instant.parse("2026-11-28T10:00:00.123Z"), 4, "file.read", "sha256:ab", "c\t1", null,
                json.readTree("{\"file\":{\"path\":\"C:\\\\tmp\\nx\"}}"));

        String text = new String(CopyText.rows("b-1", Instant.parse("2026-11-28T10:00:01Z"), List.of(row), false),
                java.nio.charset.StandardCharsets.UTF_8);

        assertThat(text).endsWith("\n");
        String[] columns = text.substring(0, text.length() - 1).split("\t", -1);
        assertThat(columns).containsExactly("2026-11-28T10:00:00.123Z", "2026-11-28T10:00:01Z", "b-1", "4", "file.read",
                "sha256:ab", "c\\t1", "\\N", "{\"file\":{\"path\":\"C:\\\\\\\\tmp\\\\u000ax\"}}");
    }

    @Property
    void eventTimesAreWrittenAsInstantWritesThem(@ForAll @net.jqwik.api.constraints.LongRange(min = -100_000_000_000L,
            max = 300_000_000_000L) long second, @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 999_999_999) int nanos,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 2) int rounding) {
        int nano = rounding == 0 ? nanos / 1_000_000 * 1_000_000 : rounding == 1 ? nanos / 1000 * 1000 : nanos;
        Instant time = Instant.ofEpochSecond(second, nano);
        Instant sameSecond = Instant.ofEpochSecond(second, 0);
        JsonMapper json = JsonMapper.builder().build();
        List<EventRow> rows = List.of(new EventRow(time, 0, "syscall", "d", "c", "n", json.createObjectNode()),
                new EventRow(sameSecond, 1, "syscall", "d", "c", "n", json.createObjectNode()));

        String[] lines = new String(CopyText.rows("b", time, rows, false), java.nio.charset.StandardCharsets.UTF_8).split("\n");

        assertThat(lines[0].split("\t")[0]).isEqualTo(time.toString());
        assertThat(lines[1].split("\t")[0]).isEqualTo(sameSecond.toString());
    }

    @Property
    void payloadJsonReadsBackAsTheSameTreeOnceCopyUnescapedIt(@ForAll String path, @ForAll String arg,
            @ForAll long number, @ForAll int small) {
        JsonMapper json = JsonMapper.builder().build();
        var node = json.createObjectNode();
        node.putObject("file").put("path", path);
        node.putObject("process").put("pid", small).put("start", number).putArray("args").add(arg).add(42).add(true)
                .add(false).addNull().add(1.5e-7).add(new java.math.BigInteger("123456789012345678901234567890"));
        StringBuilder out = new StringBuilder();

        CopyText.appendJson(out, node, false);

        // Compared with what Jackson's own writer gives (a long in int range reads back as an int node).
        assertThat(json.readTree(unescape(out.toString()))).isEqualTo(json.readTree(json.writeValueAsString(node)));
    }

    @Property
    void stringsKnownToNeedNoEscapeAreWrittenAsTheScanWouldWriteThem(@ForAll String path, @ForAll String arg) {
        // What a JSON body without a backslash can hold: no quote, backslash, control character or lone surrogate.
        String plainPath = path.replaceAll("[\"\\\\\\x00-\\x1f\\uD800-\\uDFFF]", "x");
        String plainArg = arg.replaceAll("[\"\\\\\\x00-\\x1f\\uD800-\\uDFFF]", "x");
        JsonMapper json = JsonMapper.builder().build();
        var node = json.createObjectNode();
        node.putObject("file").put("path", plainPath);
        node.putObject("process").putArray("args").add(plainArg).add(7);
        List<EventRow> rows = List.of(new EventRow(Instant.parse("2026-11-28T10:00:00Z"), 0, "file.read", "d", "c", "n", node));

        assertThat(CopyText.rows("b", Instant.EPOCH, rows, true)).isEqualTo(CopyText.rows("b", Instant.EPOCH, rows, false));
    }

    /** What PostgreSQL's COPY text format does with an escaped value. */
    private static String unescape(String escaped) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '\\') {
                char next = escaped.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
