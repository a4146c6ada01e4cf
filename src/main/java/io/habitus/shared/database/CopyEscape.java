package io.habitus.shared.database;

import org.jspecify.annotations.Nullable;

/** PostgreSQL's COPY text format: how one value is written, for every module that COPYs rows. */
public final class CopyEscape {

    private CopyEscape() {
    }

    /** The value with backslash, tab, newline and carriage return escaped; {@code \N} for null; the value itself when nothing needs escaping. */
    public static String text(@Nullable String value) {
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
