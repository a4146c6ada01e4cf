package io.habitus.behavior.internal;

/**
 * Rule {@code hex-id}: a whole part of at least 12 hex digits with at least one decimal digit,
 * i.e. hashes, container and build ids. The digit keeps words made of a-f ({@code deadbeefcafe})
 * and 12 is long enough that short hex-looking names ({@code cafe}, {@code 7z}) stay.
 */
final class HexIdRule {

    static final int MIN_LENGTH = 12;

    private HexIdRule() {}

    static String apply(String segment) {
        if (segment.length() < MIN_LENGTH) {
            return segment;
        }
        SegmentRewrite rewrite = null;
        int i = 0;
        while (i < segment.length()) {
            if (!Chars.isAlnum(segment.charAt(i))) {
                i++;
                continue;
            }
            int end = Chars.partEnd(segment, i);
            if (isHexId(segment, i, end)) {
                if (rewrite == null) {
                    rewrite = new SegmentRewrite(segment);
                }
                rewrite.wildcard(i, end);
            }
            i = end;
        }
        return rewrite == null ? segment : rewrite.result();
    }

    private static boolean isHexId(String segment, int start, int end) {
        if (end - start < MIN_LENGTH) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (!Chars.isHex(segment.charAt(i))) {
                return false;
            }
        }
        return Chars.containsDigit(segment, start, end);
    }
}
