package io.habitus.model.libsvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import libsvm.svm_model;
import org.junit.jupiter.api.Test;

class FastPredictorTests {

    @Test
    void agreesWithLibsvmOnAThousandQueriesAndReportsTheLargestDifference() {
        Random random = new Random(11);
        int size = 400;
        int[][] indices = new int[size][];
        double[][] values = new double[size][];
        for (int i = 0; i < size; i++) {
            FastPredictorPropertyTests.SparseRow row = FastPredictorPropertyTests.SparseRow.random(random, 200);
            indices[i] = row.indices();
            values[i] = row.values();
        }
        svm_model model = LibSvm.trainOneClass(indices, values, 0.1, 0.02);
        FastPredictor fast = new FastPredictor(model);
        double largestRelative = 0;
        double largestAbsolute = 0;
        for (int q = 0; q < 1000; q++) {
            FastPredictorPropertyTests.SparseRow query = FastPredictorPropertyTests.SparseRow.random(random, 220);
            double expected = LibSvm.decisionValue(model, query.indices(), query.values());
            double actual = fast.decisionValue(query.indices(), query.values());
            largestAbsolute = Math.max(largestAbsolute, Math.abs(actual - expected));
            largestRelative = Math.max(largestRelative, Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300));
            assertThat(Math.abs(actual - expected)).isLessThanOrEqualTo(FastPredictorPropertyTests.tolerance(expected, fast));
        }
        System.out.printf("fast predictor: %d support vectors, largest difference %.3e absolute, %.3e relative%n",
                fast.supportVectors(), largestAbsolute, largestRelative);
    }

    @Test
    void scoresConcurrentlyWithTheSameResults() throws Exception {
        Random random = new Random(12);
        int[][] indices = new int[100][];
        double[][] values = new double[100][];
        for (int i = 0; i < 100; i++) {
            FastPredictorPropertyTests.SparseRow row = FastPredictorPropertyTests.SparseRow.random(random, 50);
            indices[i] = row.indices();
            values[i] = row.values();
        }
        FastPredictor fast = new FastPredictor(LibSvm.trainOneClass(indices, values, 0.2, 0.5));
        double[] expected = new double[100];
        for (int i = 0; i < 100; i++) {
            expected[i] = fast.decisionValue(indices[i], values[i]);
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 200; round++) {
                        for (int i = 0; i < 100; i++) {
                            if (fast.decisionValue(indices[i], values[i]) != expected[i]) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        }
    }
}
