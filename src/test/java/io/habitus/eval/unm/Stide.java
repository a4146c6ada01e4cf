package io.habitus.eval.unm;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * STIDE (Forrest et al. 1996; Warrender et al. 1999): the database of all windows of {@code length}
 * consecutive calls of the normal traces; a window of a new trace that is not in the database is a
 * mismatch, and a trace's anomaly is its largest number of mismatches within any locality frame of
 * the last {@code frame} windows. A trace shorter than the window is one window of its own length.
 */
final class Stide {

    private static final int BITS = 10;
    private final int length;
    private final int frame;
    private final Set<Long> database = new HashSet<>();

    Stide(int length, int frame) {
        if (length < 1 || length * BITS > 63) {
            throw new IllegalArgumentException("window length must be in [1, 6]: " + length);
        }
        this.length = length;
        this.frame = frame;
    }

    static Stide learn(List<Trace> traces, int length, int frame) {
        Stide stide = new Stide(length, frame);
        traces.forEach(stide::learn);
        return stide;
    }

    void learn(Trace trace) {
        int[] calls = trace.calls();
        for (int end = firstEnd(calls); end <= calls.length; end++) {
            database.add(key(calls, end));
        }
    }

    int size() {
        return database.size();
    }

    /** Per window (in order, one per call from the window's length on), whether it is a mismatch. */
    boolean[] mismatches(Trace trace) {
        int[] calls = trace.calls();
        int first = firstEnd(calls);
        boolean[] result = new boolean[Math.max(0, calls.length - first + 1)];
        for (int end = first; end <= calls.length; end++) {
            result[end - first] = !database.contains(key(calls, end));
        }
        return result;
    }

    /** The trace's anomaly: the largest number of mismatches in any locality frame. */
    int anomaly(Trace trace) {
        return LocalityFrame.maxCount(mismatches(trace), frame);
    }

    private int firstEnd(int[] calls) {
        return Math.min(length, calls.length);
    }

    /** The window ending before {@code end}, packed 10 bits per call; its length is part of the key. */
    private long key(int[] calls, int end) {
        int start = Math.max(0, end - length);
        long key = end - start;
        for (int i = start; i < end; i++) {
            if (calls[i] >= 1 << BITS) {
                throw new IllegalArgumentException("system call number " + calls[i] + " does not fit " + BITS + " bits");
            }
            key = (key << BITS) | calls[i];
        }
        return key;
    }
}
