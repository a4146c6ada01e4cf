package io.habitus.model.internal;

import io.habitus.model.internal.FeatureSpec;
import io.habitus.model.internal.SparseVector;
import io.habitus.model.internal.WeightedVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Synthetic transition vectors: two tight clusters of normal behaviour and far-away outliers. */
public final class Clusters {

    public static final int DIMENSION = 64;

    private Clusters() {
    }

    public static List<WeightedVector> normal(int distinct, long seed) {
        Random random = new Random(seed);
        List<WeightedVector> sample = new ArrayList<>();
        for (int i = 0; i < distinct; i++) {
            sample.add(new WeightedVector(normalPoint(random), 1 + random.nextInt(20)));
        }
        return sample;
    }

    public static SparseVector normalPoint(Random random) {
        boolean first = random.nextBoolean();
        int offset = first ? 0 : 10;
        return point(random, offset, first ? 1.0 : 0.6, 0.08);
    }

    /** Points in features no normal point uses, or half-way between the clusters. */
    public static SparseVector outlier(Random random) {
        return random.nextBoolean() ? point(random, 30, 1.0, 0.08) : mix(point(random, 0, 1.0, 0.08), point(random, 10, 0.6, 0.08));
    }

    private static SparseVector point(Random random, int offset, double level, double noise) {
        int[] indices = new int[8];
        double[] values = new double[8];
        for (int j = 0; j < 8; j++) {
            indices[j] = offset + j;
            values[j] = level + noise * random.nextGaussian();
        }
        return new SparseVector(DIMENSION, indices, values);
    }

    private static SparseVector mix(SparseVector a, SparseVector b) {
        int[] indices = new int[16];
        double[] values = new double[16];
        for (int j = 0; j < 8; j++) {
            indices[j] = a.indexAt(j);
            values[j] = a.valueAt(j) / 2;
            indices[8 + j] = b.indexAt(j);
            values[8 + j] = b.valueAt(j) / 2;
        }
        return new SparseVector(DIMENSION, indices, values);
    }

    public static FeatureSpec spec() {
        return new FeatureSpec(1, DIMENSION, 8, 0.7, 1, FeatureSpec.version1().groupWeights());
    }
}
