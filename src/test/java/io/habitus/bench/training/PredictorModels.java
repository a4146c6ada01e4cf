package io.habitus.bench.training;

import io.habitus.model.internal.SparseVector;
import io.habitus.model.libsvm.FastPredictor;
import io.habitus.model.libsvm.LibSvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import libsvm.svm_model;

/**
 * Models with about a wanted number of support vectors, trained like the product trains (gamma
 * heuristic, {@link LibSvm#trainOneClass}) on the replayed lpr transitions, with nu searched so
 * that the count lands within 5 % of the target; plus held-out transitions to score. Written as
 * files so that the JMH forks only load them.
 */
final class PredictorModels {

    static final int QUERIES = 1000;

    record Prepared(int target, int supportVectors, int trainingVectors, double nu, double gamma, int nonZeros,
            double maxRelativeDifference) {

        String describe() {
            return String.format(Locale.ROOT, "target %d: %d SVs (%d training vectors, nu %.4f, gamma %.4f, %d non-zero"
                    + " SV entries); fast vs libsvm on %d held-out transitions: max relative difference %.1e",
                    target, supportVectors, trainingVectors, nu, gamma, nonZeros, QUERIES, maxRelativeDifference);
        }
    }

    private PredictorModels() {
    }

    static Path modelFile(Path folder, int target) {
        return folder.resolve("model-" + target + ".libsvm-model");
    }

    static Path queryFile(Path folder, int target) {
        return folder.resolve("queries-" + target + ".libsvm");
    }

    static Prepared prepare(TransitionSample sample, int target, Path folder) throws IOException {
        int n = Math.min(sample.vectors.size() - QUERIES, Math.max(50, 4 * target));
        List<SparseVector> training = sample.first(n);
        List<SparseVector> queries = sample.vectors.subList(n, n + QUERIES);
        double gamma = Heuristics.inverseMeanSquaredDistance(training);
        Path modelFile = modelFile(folder, target);
        Path keyFile = folder.resolve("model-" + target + ".key");
        String key = sample.describe() + " n=" + n;
        svm_model model;
        double nu;
        if (Files.exists(keyFile) && Files.readString(keyFile).startsWith(key + " nu=")) {
            // Training the 5,000-SV model takes minutes; the same data and target give the same model.
            model = LibSvm.fromText(Files.readString(modelFile, StandardCharsets.US_ASCII));
            nu = Double.parseDouble(Files.readString(keyFile).substring(key.length() + 4).strip());
        } else {
            // SVs ≈ nu·n plus the free ones on the boundary, growing with nu: start there, then secant
            // steps kept inside the bracket of nu values known to give too few and too many.
            nu = Math.min(1.0, 0.9 * target / n);
            model = LibSvm.trainOneClass(indices(training), values(training), nu, gamma);
            double low = 0;
            double high = 1;
            double slope = n;
            for (int attempt = 0; attempt < 6 && Math.abs(model.l - target) > 0.05 * target; attempt++) {
                if (model.l < target) {
                    low = nu;
                } else {
                    high = nu;
                }
                double next = nu + (target - model.l) / slope;
                if (!(next > low && next < high)) {
                    next = (low + high) / 2;
                }
                int count = model.l;
                model = LibSvm.trainOneClass(indices(training), values(training), next, gamma);
                slope = Math.max(1.0, (model.l - count) / (next - nu));
                nu = next;
            }
            Files.writeString(modelFile, LibSvm.toText(model), StandardCharsets.US_ASCII);
            Files.writeString(keyFile, key + " nu=" + nu + "\n");
        }
        LibsvmFile.write(queryFile(folder, target), queries);

        FastPredictor fast = new FastPredictor(model);
        double maxRelative = 0;
        for (SparseVector query : queries) {
            double expected = LibSvm.decisionValue(model, query.indices(), query.values());
            double actual = fast.decisionValue(query.indices(), query.values());
            maxRelative = Math.max(maxRelative, Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-12 * fast.magnitude()));
        }
        int nonZeros = 0;
        for (var sv : model.SV) {
            nonZeros += sv.length;
        }
        return new Prepared(target, model.l, n, nu, gamma, nonZeros, maxRelative);
    }

    private static int[][] indices(List<SparseVector> vectors) {
        return vectors.stream().map(SparseVector::indices).toArray(int[][]::new);
    }

    private static double[][] values(List<SparseVector> vectors) {
        return vectors.stream().map(SparseVector::values).toArray(double[][]::new);
    }
}
