package io.habitus.model.internal;

import java.util.Arrays;

/**
 * A sparse vector of a fixed dimension: strictly ascending indices in {@code [0, dimension)} and
 * their non-zero values. Immutable; the arrays are copied in and out.
 */
public record SparseVector(int dimension, int[] indices, double[] values) implements Comparable<SparseVector> {

    public SparseVector {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive: " + dimension);
        }
        if (indices.length != values.length) {
            throw new IllegalArgumentException("indices and values differ in length");
        }
        indices = indices.clone();
        values = values.clone();
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= dimension || (i > 0 && indices[i] <= indices[i - 1])) {
                throw new IllegalArgumentException("indices must ascend strictly within [0, " + dimension + "): " + indices[i]);
            }
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("values must be finite: " + values[i]);
            }
        }
    }

    @Override
    public int[] indices() {
        return indices.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int nonZeros() {
        return indices.length;
    }

    public int indexAt(int position) {
        return indices[position];
    }

    public double valueAt(int position) {
        return values[position];
    }

    public double squaredNorm() {
        double sum = 0.0;
        for (double value : values) {
            sum += value * value;
        }
        return sum;
    }

    /**
     * A 64-bit fingerprint of the exact vector (dimension, indices and value bits), so a model can
     * remember which vectors it learned without keeping them: MurmurHash3's 64-bit finaliser over a
     * running combination, stable across JDKs and runs.
     */
    public long fingerprint() {
        long h = mix(0x9E3779B97F4A7C15L ^ dimension);
        for (int i = 0; i < indices.length; i++) {
            h = mix(h ^ indices[i]);
            h = mix(h ^ Double.doubleToLongBits(values[i]));
        }
        return h;
    }

    private static long mix(long h) {
        h *= 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SparseVector that && dimension == that.dimension
                && Arrays.equals(indices, that.indices) && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dimension + Arrays.hashCode(indices)) + Arrays.hashCode(values);
    }

    /** A total order used to make training independent of the order of its input. */
    @Override
    public int compareTo(SparseVector other) {
        int byDimension = Integer.compare(dimension, other.dimension);
        if (byDimension != 0) {
            return byDimension;
        }
        int byIndices = Arrays.compare(indices, other.indices);
        return byIndices != 0 ? byIndices : Arrays.compare(values, other.values);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("SparseVector[").append(dimension).append("]{");
        for (int i = 0; i < indices.length; i++) {
            text.append(i == 0 ? "" : ", ").append(indices[i]).append('=').append(values[i]);
        }
        return text.append('}').toString();
    }
}
