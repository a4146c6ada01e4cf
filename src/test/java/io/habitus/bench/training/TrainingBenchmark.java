package io.habitus.bench.training;

import io.habitus.model.internal.SparseVector;
import io.habitus.model.libsvm.LibSvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import libsvm.svm_model;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trains the product's libsvm one-class SVM (through {@link LibSvm#trainOneClass}, so with its
 * cache, eps and shrinking) and scikit-learn's OneClassSVM on the same distinct transition vectors
 * of 2k–20k transitions, and compares time, support vectors and decision values on a probe set.
 */
public final class TrainingBenchmark {

    private static final String USAGE = """
            usage: TrainingBenchmark [flags]
              --sizes=2000,5000,10000,20000   training set sizes (distinct vectors)
              --nu=0.05                       one-class nu (a point of the product's grid)
              --gamma-factor=1                gamma = factor / mean squared distance, as the trainer does
              --perturbed=1000                extra probes near the training vectors
              --repeats=3                     trainings per size and side; the best time counts
              --concurrency=3                 lpr processes alive at once in the replayed container
              --seed=20261128                 seed of the replay, the order of the sample and the probes
              --out=target/bench/training     where the libsvm files and decisions go
              --python=/usr/bin/python3  --script=bench/training_sklearn.py
            """;

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = Flags.parse(args, USAGE);
        List<Integer> sizes = Arrays.stream(flags.getOrDefault("sizes", "2000,5000,10000,20000").split(","))
                .map(String::trim).map(Integer::valueOf).toList();
        double nu = Double.parseDouble(flags.getOrDefault("nu", "0.05"));
        double gammaFactor = Double.parseDouble(flags.getOrDefault("gamma-factor", "1"));
        int perturbed = Integer.parseInt(flags.getOrDefault("perturbed", "1000"));
        int repeats = Integer.parseInt(flags.getOrDefault("repeats", "3"));
        long seed = Long.parseLong(flags.getOrDefault("seed", "20261128"));
        Path out = Path.of(flags.getOrDefault("out", "target/bench/training"));
        Files.createDirectories(out);
        SklearnRunner sklearn = new SklearnRunner(flags.getOrDefault("python", "/usr/bin/python3"),
                Path.of(flags.getOrDefault("script", "bench/training_sklearn.py")));

        long loading = System.nanoTime();
        TransitionSample sample = TransitionSample.load(LprTraces.dataFolder(),
                Integer.parseInt(flags.getOrDefault("concurrency", "3")), seed);
        System.out.printf(Locale.ROOT, "data: %d lpr traces replayed as one container: %,d transitions, %,d distinct"
                + " vectors (%.1f non-zeros of %d on average), %.1f s%n", sample.traces, sample.replayed,
                sample.vectors.size(), averageNonZeros(sample.vectors), sample.vectors.getFirst().dimension(),
                (System.nanoTime() - loading) / 1e9);
        System.out.printf(Locale.ROOT, "parameters: RBF, nu=%s, gamma=%s x 1/mean squared distance, eps=1e-3,"
                + " shrinking=1, cache=100 MB (LibSvm.trainOneClass)%n", nu, gammaFactor);

        // Untimed: let the JIT compile libsvm's solver before the first measurement.
        train(sample.first(Math.min(1000, sizes.getFirst())), nu, gammaFactor);

        List<Row> rows = new ArrayList<>();
        for (int n : sizes) {
            List<SparseVector> training = sample.first(n);
            List<SparseVector> probes = new ArrayList<>(training);
            probes.addAll(sample.perturbed(n, perturbed, seed + n));
            Path trainFile = out.resolve("train-" + n + ".libsvm");
            Path probeFile = out.resolve("probes-" + n + ".libsvm");
            LibsvmFile.write(trainFile, training);
            LibsvmFile.write(probeFile, probes);

            double gamma = gammaFactor * Heuristics.inverseMeanSquaredDistance(training);
            svm_model model = null;
            List<Double> javaTimes = new ArrayList<>();
            for (int r = 0; r < repeats; r++) {
                long started = System.nanoTime();
                model = LibSvm.trainOneClass(indices(training), values(training), nu, gamma);
                javaTimes.add((System.nanoTime() - started) / 1e9);
            }
            int modelBytes = LibSvm.toText(model).getBytes(StandardCharsets.US_ASCII).length;
            double[] java = new double[probes.size()];
            for (int i = 0; i < java.length; i++) {
                java[i] = LibSvm.decisionValue(model, probes.get(i).indices(), probes.get(i).values());
            }

            Path decisionFile = out.resolve("sklearn-decisions-" + n + ".txt");
            JsonNode sk = sklearn.run(trainFile, probeFile, decisionFile, nu, gamma, repeats);
            double[] python = LibsvmFile.readValues(decisionFile);
            List<Double> sklearnTimes = new ArrayList<>();
            sk.get("fitSeconds").forEach(t -> sklearnTimes.add(t.asDouble()));
            Row row = new Row(n, gamma, javaTimes, sklearnTimes, model.l,
                    sk.get("supportVectors").asInt(), modelBytes, sk.get("pickleBytes").asInt(), model.rho[0],
                    sk.get("rho").asDouble(), Comparison.of(java, python, magnitude(model)));
            rows.add(row);
            System.out.println(row.progress());
            if (rows.size() == 1) {
                System.out.println("scikit-learn " + sk.get("sklearn").asString() + " on Python " + sk.get("python").asString());
            }
        }
        System.out.println();
        System.out.print(Row.table(rows));
        System.out.println(Row.LEGEND);
    }

    private static svm_model train(List<SparseVector> vectors, double nu, double gammaFactor) {
        return LibSvm.trainOneClass(indices(vectors), values(vectors), nu,
                gammaFactor * Heuristics.inverseMeanSquaredDistance(vectors));
    }

    private static int[][] indices(List<SparseVector> vectors) {
        return vectors.stream().map(SparseVector::indices).toArray(int[][]::new);
    }

    private static double[][] values(List<SparseVector> vectors) {
        return vectors.stream().map(SparseVector::values).toArray(double[][]::new);
    }

    /** Σ|α| + |ρ|, the scale of decision values (as FastPredictor.magnitude). */
    private static double magnitude(svm_model model) {
        double sum = Math.abs(model.rho[0]);
        for (double coefficient : model.sv_coef[0]) {
            sum += Math.abs(coefficient);
        }
        return sum;
    }

    private static double averageNonZeros(List<SparseVector> vectors) {
        return vectors.stream().mapToInt(SparseVector::nonZeros).average().orElse(0);
    }

    static final class SklearnRunner {
        private final String python;
        private final Path script;
        private final JsonMapper json = JsonMapper.builder().build();

        SklearnRunner(String python, Path script) {
            this.python = python;
            this.script = script;
        }

        JsonNode run(Path train, Path probes, Path decisions, double nu, double gamma, int repeats) throws IOException, InterruptedException {
            Process process = new ProcessBuilder(python, script.toString(), train.toString(), probes.toString(),
                    decisions.toString(), Double.toString(nu), Double.toString(gamma), "1e-3", "100", "1", Integer.toString(repeats))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.waitFor() != 0) {
                throw new IOException("scikit-learn run failed (" + process.exitValue() + "): " + output);
            }
            return json.readTree(output.lines().reduce((a, b) -> b).orElseThrow());
        }
    }
}
