package io.habitus.bench.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.habitus.model.internal.SparseVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HeuristicsTests {

    @Test
    void gammaIsOneOverTheMeanSquaredDistanceOfAllPairs() {
        Random random = new Random(5);
        List<SparseVector> vectors = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            TreeMap<Integer, Double> row = new TreeMap<>();
            for (int j = 0; j < 6; j++) {
                row.put(random.nextInt(30), random.nextGaussian());
            }
            vectors.add(new SparseVector(32, row.keySet().stream().mapToInt(Integer::intValue).toArray(),
                    row.values().stream().mapToDouble(Double::doubleValue).toArray()));
        }
        double sum = 0;
        int pairs = 0;
        for (int a = 0; a < vectors.size(); a++) {
            for (int b = a + 1; b < vectors.size(); b++) {
                sum += squaredDistance(vectors.get(a), vectors.get(b));
                pairs++;
            }
        }
        assertThat(Heuristics.inverseMeanSquaredDistance(vectors)).isCloseTo(pairs / sum, within(1e-12));
    }

    @Test
    void comparisonMeasuresNearZeroValuesAgainstTheModelScale() {
        Comparison comparison = Comparison.of(new double[] {10.0, 0.0, -2.0}, new double[] {10.0 + 1e-9, 1e-12, -2.0}, 100.0);

        assertThat(comparison.maxAbsolute()).isCloseTo(1e-9, within(1e-15));
        assertThat(comparison.maxRelative()).isCloseTo(1e-10, within(1e-15));
        assertThat(comparison.signFlips()).isZero();
    }

    private static double squaredDistance(SparseVector a, SparseVector b) {
        double[] dense = new double[a.dimension()];
        for (int i = 0; i < a.nonZeros(); i++) {
            dense[a.indexAt(i)] += a.valueAt(i);
        }
        for (int i = 0; i < b.nonZeros(); i++) {
            dense[b.indexAt(i)] -= b.valueAt(i);
        }
        double sum = 0;
        for (double d : dense) {
            sum += d * d;
        }
        return sum;
    }
}
