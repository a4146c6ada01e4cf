package io.habitus.ingest.persistence;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** Renders rows in COPY's text format: tab-separated, {@code \N} for null, backslash escapes. */
final class CopyText {

    private CopyText() {}

    static String rows(String batchId, Instant receivedAt, List<EventRow> rows, JsonMapper json) {
        StringBuilder out = new StringBuilder(rows.size() * 512);
        String received = receivedAt.toString();
        String batch = escape(batchId);
        for (EventRow row : rows) {
            out.append(row.time()).append('\t')
                    .append(received).append('\t')
                    .append(batch).append('\t')
                    .append(row.index()).append('\t')
                    .append(escape(row.type())).append('\t')
                    .append(escape(row.imageDigest())).append('\t')
                    .append(escape(row.containerId())).append('\t')
                    .append(escape(row.node())).append('\t')
                    .append(escape(json.writeValueAsString(row.raw()))).append('\n');
        }
        return out.toString();
    }

    static String escape(String value) {
        if (value == null) {
            return "\\N";
        }
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement = switch (c) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? value : out.toString();
    }
}
