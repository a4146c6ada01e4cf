package io.habitus.incident.internal;

import java.util.Arrays;
import java.util.Map;

/**
 * A container's behaviour mix: how often each pair of consecutive tokens occurred, as the square
 * roots of their shares (keys sorted), so that the dot product of two mixes is their Bhattacharyya
 * coefficient and {@code sqrt(1 − dot)} their Hellinger distance: 0 for the same mix, 1 for mixes
 * without a pair in common.
 */
final class MixVector {

    final long[] keys;
    final float[] values;

    MixVector(long[] keys, float[] values) {
        this.keys = keys;
        this.values = values;
    }

    static MixVector of(Map<Long, Integer> counts) {
        long[] keys = counts.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        if (keys.length == 0) {
            return new MixVector(keys, new float[0]);
        }
        double total = 0;
        for (int count : counts.values()) {
            total += count;
        }
        float[] values = new float[keys.length];
        for (int i = 0; i < keys.length; i++) {
            values[i] = (float) Math.sqrt(counts.get(keys[i]) / total);
        }
        return new MixVector(keys, values);
    }

    double distance(MixVector other) {
        double dot = 0;
        int i = 0;
        int j = 0;
        while (i < keys.length && j < other.keys.length) {
            long a = keys[i];
            long b = other.keys[j];
            if (a == b) {
                dot += values[i++] * (double) other.values[j++];
            } else if (a < b) {
                i++;
            } else {
                j++;
            }
        }
        return Math.sqrt(Math.max(0, 1 - dot));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MixVector v && Arrays.equals(keys, v.keys) && Arrays.equals(values, v.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(keys);
    }
}
