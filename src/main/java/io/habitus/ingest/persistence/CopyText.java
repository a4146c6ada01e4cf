package io.habitus.ingest.persistence;

import io.habitus.shared.database.CopyEscape;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Renders rows in COPY's text format: tab-separated, {@code \N} for null, backslash escapes. The
 * payload's JSON is written straight into the row (and escaped for COPY in the same pass) instead
 * of being serialised into a string first: this runs for every ingested event.
 */
public final class CopyText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CopyText() {}

    /**
     * The COPY data for a batch's rows, as UTF-8.
     *
     * @param plainStrings the payloads' strings are known to hold no quote, backslash or control character (their
     *                     JSON text had no escape): they are copied without looking for what to escape
     */
    public static byte[] rows(String batchId, Instant receivedAt, List<EventRow> rows, boolean plainStrings) {
        StringBuilder out = new StringBuilder(rows.size() * 1024);
        String received = receivedAt.toString();
        String batch = escape(batchId);
        long second = Long.MIN_VALUE;
        String secondText = "";
        for (EventRow row : rows) {
            Instant time = row.time();
            if (time.getEpochSecond() != second) {
                second = time.getEpochSecond();
                secondText = wholeSecond(time);
            }
            appendTime(out, time, secondText);
            out.append('\t')
                    .append(received).append('\t')
                    .append(batch).append('\t')
                    .append(row.index()).append('\t')
                    .append(escape(row.type())).append('\t')
                    .append(escape(row.imageDigest())).append('\t')
                    .append(escape(row.containerId())).append('\t')
                    .append(escape(row.node())).append('\t');
            appendJson(out, row.raw(), plainStrings);
            out.append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The time to the second as {@link Instant#toString()} writes it, without the zone: a batch's events share a few seconds. */
    private static String wholeSecond(Instant time) {
        String text = Instant.ofEpochSecond(time.getEpochSecond()).toString();
        return text.substring(0, text.length() - 1);
    }

    /** {@link Instant#toString()}'s text from its whole second: its formatter ran for every row (1 % of ingest's CPU). */
    private static void appendTime(StringBuilder out, Instant time, String secondText) {
        if (secondText.length() != "2026-11-28T10:00:00".length()) {
            out.append(time);   // years outside 0000–9999 have a form of their own
            return;
        }
        out.append(secondText);
        int nanos = time.getNano();
        if (nanos > 0) {
            int digits = nanos % 1_000_000 == 0 ? 3 : nanos % 1000 == 0 ? 6 : 9;
            int value = digits == 3 ? nanos / 1_000_000 : digits == 6 ? nanos / 1000 : nanos;
            out.append('.');
            for (int place = digits - 1; place >= 0; place--) {
                out.append((char) ('0' + value / POWERS_OF_TEN[place] % 10));
            }
        }
        out.append('Z');
    }

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    static String escape(@Nullable String value) {
        return CopyEscape.text(value);
    }

    /**
     * Compact JSON of {@code node}, COPY-escaped: JSON's own escapes never leave a raw tab or
     * newline, so the only COPY escape needed is doubling each backslash JSON writes.
     */
    static void appendJson(StringBuilder out, JsonNode node, boolean plainStrings) {
        if (node.isObject()) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                appendString(out, field.getKey(), plainStrings);
                out.append(':');
                appendJson(out, field.getValue(), plainStrings);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                appendJson(out, node.get(i), plainStrings);
            }
            out.append(']');
        } else if (node.isString()) {
            appendString(out, node.stringValue(), plainStrings);
        } else if (node.isIntegralNumber() && node.canConvertToLong()) {
            // pids, uids, ports, syscall numbers: toString() would run a whole JSON writer per number
            out.append(node.longValue());
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isNumber()) {
            out.append(node.toString());
        } else {
            out.append("null");
        }
    }

    private static void appendString(StringBuilder out, String s, boolean plainStrings) {
        out.append('"');
        if (plainStrings) {
            out.append(s).append('"');
            return;
        }
        int plain = 0;
        while (plain < s.length() && !needsEscape(s.charAt(plain))) {
            plain++;
        }
        // Most strings need no escape at all: one bulk copy instead of a call per character.
        out.append(s, 0, plain);
        for (int i = plain; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                out.append("\\\\\"");
            } else if (c == '\\') {
                out.append("\\\\\\\\");
            } else if (c < 0x20) {
                out.append("\\\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static boolean needsEscape(char c) {
        return c == '"' || c == '\\' || c < 0x20;
    }
}
