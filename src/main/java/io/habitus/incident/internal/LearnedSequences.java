package io.habitus.incident.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The sequences an image showed while learning, as sorted 64-bit fingerprints: a lookup is a
 * binary search, and the whole window's memory costs 8 bytes per distinct sequence.
 */
final class LearnedSequences {

    private final long[] sorted;

    private LearnedSequences(long[] sortedDistinct) {
        this.sorted = sortedDistinct;
    }

    static LearnedSequences of(long[] fingerprints) {
        return new LearnedSequences(Arrays.stream(fingerprints).sorted().distinct().toArray());
    }

    static LearnedSequences fromBytes(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long[] values = new long[bytes.length / Long.BYTES];
        buffer.asLongBuffer().get(values);
        return of(values);
    }

    byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(sorted.length * Long.BYTES);
        buffer.asLongBuffer().put(sorted);
        return buffer.array();
    }

    boolean contains(long fingerprint) {
        return Arrays.binarySearch(sorted, fingerprint) >= 0;
    }

    int size() {
        return sorted.length;
    }
}
