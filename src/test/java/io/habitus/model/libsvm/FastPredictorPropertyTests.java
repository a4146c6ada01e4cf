package io.habitus.model.libsvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.TreeMap;
import libsvm.svm_model;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class FastPredictorPropertyTests {

    static final double RELATIVE = 1e-9;

    @Property(tries = 200)
    void agreesWithLibsvmOnRandomModelsAndInputs(@ForAll long seed, @ForAll @IntRange(min = 5, max = 120) int size,
            @ForAll @IntRange(min = 1, max = 60) int features, @ForAll @DoubleRange(min = 0.02, max = 0.9) double nu,
            @ForAll @DoubleRange(min = -3, max = 1.5) double log10Gamma) {
        Random random = new Random(seed);
        int[][] indices = new int[size][];
        double[][] values = new double[size][];
        for (int i = 0; i < size; i++) {
            SparseRow row = SparseRow.random(random, features);
            indices[i] = row.indices();
            values[i] = row.values();
        }
        svm_model model = LibSvm.trainOneClass(indices, values, nu, Math.pow(10, log10Gamma));
        FastPredictor fast = new FastPredictor(model);

        for (int q = 0; q < 40; q++) {
            SparseRow query = q < 10 && q < size ? new SparseRow(indices[q], values[q]) : SparseRow.random(random, features + 5);
            double expected = LibSvm.decisionValue(model, query.indices(), query.values());
            double actual = fast.decisionValue(query.indices(), query.values());
            assertThat(Math.abs(actual - expected)).isLessThanOrEqualTo(tolerance(expected, fast));
        }
    }

    static double tolerance(double expected, FastPredictor fast) {
        return RELATIVE * Math.abs(expected) + 1e-12 * fast.magnitude();
    }

    record SparseRow(int[] indices, double[] values) {

        /** A random sparse row: each feature present with probability 0.4, values of mixed scale and sign. */
        static SparseRow random(Random random, int features) {
            TreeMap<Integer, Double> row = new TreeMap<>();
            for (int j = 0; j < features; j++) {
                if (random.nextDouble() < 0.4) {
                    row.put(j, random.nextGaussian() * (random.nextBoolean() ? 1 : 0.1));
                }
            }
            return new SparseRow(row.keySet().stream().mapToInt(Integer::intValue).toArray(),
                    row.values().stream().mapToDouble(Double::doubleValue).toArray());
        }
    }
}
