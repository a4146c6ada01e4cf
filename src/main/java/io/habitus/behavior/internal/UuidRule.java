package io.habitus.behavior.internal;

/**
 * Rule {@code uuid}: 8-4-4-4-12 hex digits joined by '-' (or, as in kubelet cgroup names, by
 * '_'). A UUID may follow letters directly ({@code pod1a2b…}), so only its end needs a boundary.
 */
final class UuidRule {

    private static final int[] GROUPS = {8, 4, 4, 4, 12};
    private static final int LENGTH = 36;

    private UuidRule() {}

    static String apply(String segment) {
        if (segment.length() < LENGTH) {
            return segment;
        }
        SegmentRewrite rewrite = null;
        int i = 0;
        while (i <= segment.length() - LENGTH) {
            if (isUuidAt(segment, i)) {
                if (rewrite == null) {
                    rewrite = new SegmentRewrite(segment);
                }
                rewrite.wildcard(i, i + LENGTH);
                i += LENGTH;
            } else {
                i++;
            }
        }
        return rewrite == null ? segment : rewrite.result();
    }

    private static boolean isUuidAt(String segment, int start) {
        char separator = segment.charAt(start + GROUPS[0]);
        if (separator != '-' && separator != '_') {
            return false;
        }
        int at = start;
        for (int group = 0; group < GROUPS.length; group++) {
            if (group > 0) {
                if (segment.charAt(at) != separator) {
                    return false;
                }
                at++;
            }
            for (int end = at + GROUPS[group]; at < end; at++) {
                if (!Chars.isHex(segment.charAt(at))) {
                    return false;
                }
            }
        }
        return at == segment.length() || Chars.isBoundary(segment.charAt(at));
    }
}
