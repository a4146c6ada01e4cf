package io.habitus.behavior.internal;

import org.jspecify.annotations.Nullable;

/**
 * Rule {@code numeric}. Numbers in paths are either dynamic (pids, fds, uids, timestamps,
 * counters, dates) or versions ({@code libssl.so.3}, {@code python3.11}, {@code php/8.2},
 * {@code cp1252.py}). This rule generalises:
 * <ol>
 * <li>a segment made only of digits ({@code /proc/1234/stat}): always, a version alone in a
 *     segment ({@code gcc/x86_64-linux-gnu/12}) costs little as {@code *};</li>
 * <li>inside a segment, a group of digit parts joined by '.', '-' or '_' when one of them has
 *     {@value #LONG_NUMBER} or more digits ({@code core.12345}, {@code ..2026_11_28_10_00_00.123456789})
 *     or the group is a date, i.e. starts with a year 1970-2099 followed by another number
 *     ({@code app-2026-11-28.log}): the whole group becomes one {@code *};</li>
 * <li>a tail of {@value #LONG_TAIL} or more digits after letters ({@code go-build1234567890},
 *     Java's {@code foo8412365570123.tmp}) becomes {@code *} after the letters.</li>
 * </ol>
 * Shorter numbers inside a segment stay: those are nearly always versions, and a directory full
 * of short dynamic numbers is still caught by the wide-directory rule.
 */
final class NumericRule {

    static final int LONG_NUMBER = 5;
    static final int LONG_TAIL = 6;

    private NumericRule() {}

    static String apply(String segment) {
        if (Chars.allDigits(segment, 0, segment.length())) {
            return "*";
        }
        SegmentRewrite rewrite = null;
        int i = 0;
        while (i < segment.length()) {
            if (!Chars.isAlnum(segment.charAt(i))) {
                i++;
                continue;
            }
            int end = Chars.partEnd(segment, i);
            if (Chars.allDigits(segment, i, end)) {
                int groupEnd = numberGroupEnd(segment, i, end);
                if (isDynamicGroup(segment, i, groupEnd)) {
                    rewrite = wildcard(rewrite, segment, i, groupEnd);
                }
                i = groupEnd;
                continue;
            }
            int tail = digitTailStart(segment, i, end);
            if (end - tail >= LONG_TAIL && tail > i && Chars.isLetter(segment.charAt(tail - 1))) {
                rewrite = wildcard(rewrite, segment, tail, end);
            }
            i = end;
        }
        return rewrite == null ? segment : rewrite.result();
    }

    private static SegmentRewrite wildcard(@Nullable SegmentRewrite rewrite, String segment, int start, int end) {
        SegmentRewrite result = rewrite == null ? new SegmentRewrite(segment) : rewrite;
        result.wildcard(start, end);
        return result;
    }

    /** The end of the digit parts joined by single separators that start with the part {@code [start, end)}. */
    private static int numberGroupEnd(String segment, int start, int end) {
        int groupEnd = end;
        while (groupEnd + 1 < segment.length() && Chars.isSeparator(segment.charAt(groupEnd))
                && Chars.isDigit(segment.charAt(groupEnd + 1))) {
            int next = Chars.partEnd(segment, groupEnd + 1);
            if (!Chars.allDigits(segment, groupEnd + 1, next)) {
                break;
            }
            groupEnd = next;
        }
        return groupEnd;
    }

    private static boolean isDynamicGroup(String segment, int start, int end) {
        int partStart = start;
        int parts = 0;
        boolean startsWithYear = false;
        for (int i = start; i <= end; i++) {
            if (i == end || !Chars.isDigit(segment.charAt(i))) {
                int length = i - partStart;
                if (length >= LONG_NUMBER) {
                    return true;
                }
                if (parts == 0) {
                    startsWithYear = length == 4 && isYear(segment, partStart);
                }
                parts++;
                partStart = i + 1;
            }
        }
        return startsWithYear && parts >= 2;
    }

    private static boolean isYear(String segment, int start) {
        int year = Integer.parseInt(segment, start, start + 4, 10);
        return year >= 1970 && year <= 2099;
    }

    private static int digitTailStart(String segment, int start, int end) {
        int tail = end;
        while (tail > start && Chars.isDigit(segment.charAt(tail - 1))) {
            tail--;
        }
        return tail;
    }
}
