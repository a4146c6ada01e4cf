package io.habitus.model.encoding;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

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
    private final TreeMap<Integer, Double> values = new TreeMap<>();

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
        for (double amount : bag.amounts().values()) {
            double value = transform(amount, log1p);
            squaredNorm += value * value;
        }
        if (squaredNorm == 0.0) {
            return;
        }
        double scale = weight / Math.sqrt(squaredNorm);
        for (Map.Entry<String, Double> entry : bag.amounts().entrySet()) {
            int hash = MurmurHash3.hash32((group + SEPARATOR + entry.getKey()).getBytes(StandardCharsets.UTF_8), seed);
            double sign = hash < 0 ? -1.0 : 1.0;
            values.merge(hash & mask, sign * transform(entry.getValue(), log1p) * scale, Double::sum);
        }
    }

    /** Indices ascending; entries that cancelled out to exactly zero are dropped. */
    public int[] indices() {
        return values.entrySet().stream().filter(e -> e.getValue() != 0.0).mapToInt(Map.Entry::getKey).toArray();
    }

    /** Values in the order of {@link #indices()}. */
    public double[] values() {
        return values.values().stream().filter(v -> v != 0.0).mapToDouble(Double::doubleValue).toArray();
    }

    private static double transform(double amount, boolean log1p) {
        return log1p ? Math.log1p(amount) : amount;
    }
}
