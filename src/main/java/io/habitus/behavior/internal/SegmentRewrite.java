package io.habitus.behavior.internal;

import org.jspecify.annotations.Nullable;

/**
 * Replaces ranges of one segment by {@code *}, left to right, and copies only if something was
 * replaced: most segments pass every rule unchanged, and this runs for every event.
 */
final class SegmentRewrite {

    private final String segment;
    private @Nullable StringBuilder out;
    private int copied;

    SegmentRewrite(String segment) {
        this.segment = segment;
    }

    /** Replaces {@code [start, end)}; ranges must come in ascending, non-overlapping order. */
    void wildcard(int start, int end) {
        if (out == null) {
            out = new StringBuilder(segment.length());
        }
        out.append(segment, copied, start).append('*');
        copied = end;
    }

    String result() {
        if (out == null) {
            return segment;
        }
        return out.append(segment, copied, segment.length()).toString();
    }
}
