package io.habitus.behavior.internal;

/**
 * Character classes of the path rules. A "part" of a segment is a maximal run of ASCII letters
 * and digits; everything else (., -, _, and also *) separates parts.
 */
final class Chars {

    private Chars() {}

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAlnum(char c) {
        return isDigit(c) || isLetter(c);
    }

    static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** The separators between the numbers of a date or a version: {@code 2026-11-28}, {@code 3.11}. */
    static boolean isSeparator(char c) {
        return c == '.' || c == '-' || c == '_';
    }

    /**
     * Whether {@code c} ends a name that a rule looks for. {@code *} does not: otherwise a name
     * next to a wildcard another rule wrote would match on a second pass, and generalising an
     * already generalised path would change it again.
     */
    static boolean isBoundary(char c) {
        return !isAlnum(c) && c != '*';
    }

    /** The end (exclusive) of the part that starts at {@code start}. */
    static int partEnd(String segment, int start) {
        int end = start;
        while (end < segment.length() && isAlnum(segment.charAt(end))) {
            end++;
        }
        return end;
    }

    static boolean allDigits(String segment, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!isDigit(segment.charAt(i))) {
                return false;
            }
        }
        return end > start;
    }

    static boolean containsDigit(String segment, int start, int end) {
        for (int i = start; i < end; i++) {
            if (isDigit(segment.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
