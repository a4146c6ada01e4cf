package io.habitus.model.encoding;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Hashes feature groups into one sparse vector. Each feature of a group is keyed as
 * {@code group + U+001F + feature}; the low bits of its MurmurHash3 pick the index, the top bit
 * the sign (signed hashing keeps inner products unbiased under collisions). A group is optionally
 * log1p-transformed, scaled to unit L2 norm (computed before hashing, so collisions cannot change
 * it) and multiplied by its weight.
 */
public final class HashedVectorBuilder {

    private static final char SEPARATOR = '\u001f';

    private final int mask;
    private final int seed;
    /** Hashed entries in insertion order; equal indices are summed in that order, as a map merge would. */
    private int[] entryIndices = new int[32];
    private double[] entryValues = new double[32];
    private int size;
    private int @Nullable [] indices;
    private double @Nullable [] values;
    /** The UTF-8 key of the feature being hashed, reused: this runs for every feature of every scored event. */
    private final Utf8Bytes key = new Utf8Bytes(128);

    public HashedVectorBuilder(int dimension, int seed) {
        if (Integer.bitCount(dimension) != 1 || dimension > 1 << 24) {
            throw new IllegalArgumentException("dimension must be a power of two up to 2^24: " + dimension);
        }
        this.mask = dimension - 1;
        this.seed = seed;
    }

    public void addGroup(String group, FeatureBag bag, boolean log1p, double weight) {
        if (bag.isEmpty() || weight == 0.0) {
            return;
        }
        double squaredNorm = 0.0;
        for (int i = 0; i < bag.size(); i++) {
            double value = transform(bag.amount(i), log1p);
            squaredNorm += value * value;
        }
        if (squaredNorm == 0.0) {
            return;
        }
        double scale = weight / Math.sqrt(squaredNorm);
        // Hashed every time: a table of remembered hashes (tried) made each lookup a few cache misses
        // in a table of 200,000 strings, which cost more than encoding and hashing the feature.
        byte[] prefix = (group + SEPARATOR).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bag.size(); i++) {
            int hash = hash(prefix, bag.feature(i));
            double sign = hash < 0 ? -1.0 : 1.0;
            append(hash & mask, sign * transform(bag.amount(i), log1p) * scale);
        }
        indices = null;
    }

    /**
     * MurmurHash3 of the UTF-8 bytes of {@code group + U+001F + feature}, encoded into a reused
     * buffer instead of a concatenated string's fresh array. The prefix ends in U+001F, so no
     * surrogate pair straddles the join: its bytes followed by the feature's are the concatenation's.
     */
    private int hash(byte[] prefix, String feature) {
        key.reset().append(prefix).append(feature);
        return MurmurHash3.hash32(key.array(), key.length(), seed);
    }

    /** Indices ascending; entries that cancelled out to exactly zero are dropped. */
    public int[] indices() {
        build();
        return indices.clone();
    }

    /** Values in the order of {@link #indices()}. */
    public double[] values() {
        build();
        return values.clone();
    }

    private void append(int index, double value) {
        if (size == entryIndices.length) {
            entryIndices = Arrays.copyOf(entryIndices, size * 2);
            entryValues = Arrays.copyOf(entryValues, size * 2);
        }
        entryIndices[size] = index;
        entryValues[size] = value;
        size++;
    }

    /**
     * Sorts the entries by index, keeping insertion order among equal indices (index in the high
     * bits, position in the low ones), and sums each index's values in that order: bit for bit
     * what merging them into a sorted map gives, without boxing.
     */
    private void build() {
        if (indices != null) {
            return;
        }
        long[] order = new long[size];
        for (int i = 0; i < size; i++) {
            order[i] = ((long) entryIndices[i] << 32) | i;
        }
        Arrays.sort(order);
        int[] outIndices = new int[size];
        double[] outValues = new double[size];
        int n = 0;
        for (int i = 0; i < size;) {
            int index = (int) (order[i] >>> 32);
            double sum = entryValues[(int) order[i]];
            for (i++; i < size && (int) (order[i] >>> 32) == index; i++) {
                sum += entryValues[(int) order[i]];
            }
            if (sum != 0.0) {
                outIndices[n] = index;
                outValues[n] = sum;
                n++;
            }
        }
        indices = Arrays.copyOf(outIndices, n);
        values = Arrays.copyOf(outValues, n);
    }

    private static double transform(double amount, boolean log1p) {
        return log1p ? Math.log1p(amount) : amount;
    }
}
