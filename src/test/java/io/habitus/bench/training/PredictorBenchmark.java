package io.habitus.bench.training;

import io.habitus.model.libsvm.FastPredictor;
import io.habitus.model.libsvm.LibSvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of scoring one transition: {@link FastPredictor} against libsvm's own
 * {@code svm.svm_predict_values} on the same model and the same 1,000 held-out transitions. The
 * libsvm side gets its {@code svm_node[]} queries built up front, so only the prediction is timed
 * on both sides. Models and queries come from {@link PredictorModels} (files named by the
 * {@code habitus.bench.predictor.dir} property). {@link #bareArithmetic} is the floor: the
 * multiply-adds a query needs over the support vectors' non-zeros and one {@code exp} per support
 * vector, on contiguous arrays, with no lookups at all.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PredictorBenchmark {

    public static final String FOLDER_PROPERTY = "habitus.bench.predictor.dir";

    @Param({"100", "1000", "5000"})
    public int supportVectors;

    private svm_model model;
    private FastPredictor fast;
    private int[][] indices;
    private double[][] values;
    private svm_node[][] nodes;
    /** Per query: the support-vector non-zeros its non-zeros meet (the multiply-adds of its dot products). */
    private int[] multiplyAdds;
    private double[] left;
    private double[] right;
    private double[] distances;
    private double[] coefficients;
    private double gamma;

    @Setup(Level.Trial)
    public void load() throws IOException {
        Path folder = Path.of(System.getProperty(FOLDER_PROPERTY, "target/bench/predictor"));
        model = LibSvm.fromText(Files.readString(PredictorModels.modelFile(folder, supportVectors), StandardCharsets.US_ASCII));
        fast = new FastPredictor(model);
        List<String> lines = Files.readAllLines(PredictorModels.queryFile(folder, supportVectors), StandardCharsets.US_ASCII);
        indices = new int[lines.size()][];
        values = new double[lines.size()][];
        nodes = new svm_node[lines.size()][];
        for (int q = 0; q < lines.size(); q++) {
            String[] fields = lines.get(q).trim().split(" ");
            indices[q] = new int[fields.length - 1];
            values[q] = new double[fields.length - 1];
            nodes[q] = new svm_node[fields.length - 1];
            for (int j = 1; j < fields.length; j++) {
                int colon = fields[j].indexOf(':');
                nodes[q][j - 1] = new svm_node();
                nodes[q][j - 1].index = Integer.parseInt(fields[j].substring(0, colon));
                nodes[q][j - 1].value = Double.parseDouble(fields[j].substring(colon + 1));
                indices[q][j - 1] = nodes[q][j - 1].index - 1;
                values[q][j - 1] = nodes[q][j - 1].value;
            }
        }
        if (indices.length != PredictorModels.QUERIES) {
            throw new IllegalStateException("expected " + PredictorModels.QUERIES + " queries, found " + indices.length);
        }
        countArithmetic();
        // Same results, or the timing means nothing.
        for (int q = 0; q < indices.length; q++) {
            double expected = libsvmDecision(q);
            double actual = fast.decisionValue(indices[q], values[q]);
            if (Math.abs(actual - expected) > 1e-9 * Math.abs(expected) + 1e-12 * fast.magnitude()) {
                throw new IllegalStateException("query " + q + ": fast " + actual + " vs libsvm " + expected);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(PredictorModels.QUERIES)
    public double fastPredictor() {
        double sum = 0;
        for (int q = 0; q < indices.length; q++) {
            sum += fast.decisionValue(indices[q], values[q]);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(PredictorModels.QUERIES)
    public double libsvmPredictValues() {
        double sum = 0;
        for (int q = 0; q < nodes.length; q++) {
            sum += libsvmDecision(q);
        }
        return sum;
    }

    /** The floor: per query its multiply-adds on contiguous arrays and one exp (and multiply-add) per support vector. */
    @Benchmark
    @OperationsPerInvocation(PredictorModels.QUERIES)
    public double bareArithmetic() {
        double total = 0;
        for (int q = 0; q < multiplyAdds.length; q++) {
            double dot = 0;
            for (int k = 0, n = multiplyAdds[q]; k < n; k++) {
                dot += left[k] * right[k];
            }
            double sum = 0;
            for (int i = 0; i < distances.length; i++) {
                sum += coefficients[i] * Math.exp(-gamma * (distances[i] + dot));
            }
            total += sum;
        }
        return total;
    }

    private void countArithmetic() {
        int supportVectors = model.l;
        java.util.Map<Integer, Integer> usedBy = new java.util.HashMap<>();
        for (svm_node[] sv : model.SV) {
            for (svm_node node : sv) {
                if (node.value != 0) {
                    usedBy.merge(node.index, 1, Integer::sum);
                }
            }
        }
        multiplyAdds = new int[nodes.length];
        int most = 0;
        for (int q = 0; q < nodes.length; q++) {
            for (svm_node node : nodes[q]) {
                multiplyAdds[q] += usedBy.getOrDefault(node.index, 0);
            }
            most = Math.max(most, multiplyAdds[q]);
        }
        java.util.Random random = new java.util.Random(1);
        left = random.doubles(most).toArray();
        right = random.doubles(most).toArray();
        distances = random.doubles(supportVectors, 0, 8).toArray();
        coefficients = model.sv_coef[0].clone();
        gamma = model.param.gamma;
    }

    private double libsvmDecision(int q) {
        double[] decision = new double[1];
        svm.svm_predict_values(model, nodes[q], decision);
        return decision[0];
    }
}
