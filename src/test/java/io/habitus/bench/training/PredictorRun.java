package io.habitus.bench.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * bench/predictor.sh: trains the models of {@link PredictorBenchmark}, runs it with JMH and prints
 * ns per transition of both predictors and their ratio per support-vector count.
 */
public final class PredictorRun {

    private static final String USAGE = """
            usage: PredictorRun [flags]
              --targets=100,1000,5000     wanted support vectors (the actual counts are printed)
              --forks=1  --warmup=3 --warmup-time=2  --iterations=5 --time=2   (JMH; seconds)
              --out=target/bench/predictor
              --concurrency=3 --seed=20261128   (replay of the lpr traces, as bench/training.sh)
            """;

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = Flags.parse(args, USAGE);
        List<String> targets = Arrays.stream(flags.getOrDefault("targets", "100,1000,5000").split(","))
                .map(String::trim).toList();
        Path out = Path.of(flags.getOrDefault("out", "target/bench/predictor")).toAbsolutePath();
        Files.createDirectories(out);

        TransitionSample sample = TransitionSample.load(LprTraces.dataFolder(),
                Integer.parseInt(flags.getOrDefault("concurrency", "3")),
                Long.parseLong(flags.getOrDefault("seed", "20261128")));
        Map<String, PredictorModels.Prepared> prepared = new LinkedHashMap<>();
        for (String target : targets) {
            PredictorModels.Prepared model = PredictorModels.prepare(sample, Integer.parseInt(target), out);
            prepared.put(target, model);
            System.out.println(model.describe());
        }

        Options options = new OptionsBuilder()
                .include(PredictorBenchmark.class.getName() + "\\.")
                .param("supportVectors", targets.toArray(String[]::new))
                .forks(Integer.parseInt(flags.getOrDefault("forks", "1")))
                .warmupIterations(Integer.parseInt(flags.getOrDefault("warmup", "3")))
                .warmupTime(TimeValue.seconds(Long.parseLong(flags.getOrDefault("warmup-time", "2"))))
                .measurementIterations(Integer.parseInt(flags.getOrDefault("iterations", "5")))
                .measurementTime(TimeValue.seconds(Long.parseLong(flags.getOrDefault("time", "2"))))
                .jvmArgsAppend("-D" + PredictorBenchmark.FOLDER_PROPERTY + "=" + out, "-Xmx1g")
                .result(out.resolve("jmh.json").toString())
                .resultFormat(ResultFormatType.JSON)
                .build();
        Map<String, double[]> fast = new LinkedHashMap<>();
        Map<String, double[]> libsvm = new LinkedHashMap<>();
        Map<String, double[]> bare = new LinkedHashMap<>();
        for (RunResult result : new Runner(options).run()) {
            String target = result.getParams().getParam("supportVectors");
            double[] score = {result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError()};
            String benchmark = result.getParams().getBenchmark();
            (benchmark.endsWith("fastPredictor") ? fast : benchmark.endsWith("bareArithmetic") ? bare : libsvm).put(target, score);
        }

        System.out.println();
        System.out.println("| SVs (target) | non-zeros in SVs | fast ns/transition | svm_predict_values ns/transition | libsvm / fast | bare arithmetic ns | fast / bare |");
        System.out.println("|-------------:|-----------------:|-------------------:|---------------------------------:|--------------:|-------------------:|------------:|");
        for (String target : targets) {
            double[] f = fast.get(target);
            double[] l = libsvm.get(target);
            double[] b = bare.get(target);
            PredictorModels.Prepared model = prepared.get(target);
            System.out.printf(Locale.ROOT, "| %5d (%5s) | %16d | %9.0f ± %6.0f | %22.0f ± %7.0f | %12.1f× | %9.0f ± %6.0f | %10.2f× |%n",
                    model.supportVectors(), target, model.nonZeros(), f[0], f[1], l[0], l[1], l[0] / f[0], b[0], b[1], f[0] / b[0]);
        }
        System.out.println("(JMH average time per transition over " + PredictorModels.QUERIES
                + " held-out transitions, ± the 99.9 % confidence half-width; JSON in " + out.resolve("jmh.json") + ")");

        // Wall-clock figures swing when other processes take the cores; thread CPU time does not count that.
        // One JVM per size, like JMH's forks: the same compiled code and heap as the figures above.
        System.out.println();
        System.out.println("| SVs | fast CPU ns/transition | svm_predict_values CPU ns/transition | libsvm / fast | bare arithmetic CPU ns | fast / bare |");
        System.out.println("|----:|-----------------------:|-------------------------------------:|--------------:|-----------------------:|------------:|");
        for (String target : targets) {
            double[] cpu = cpuInOwnJvm(out, target);
            System.out.printf(Locale.ROOT, "| %4d | %22.0f | %36.0f | %12.1f× | %22.0f | %10.2f× |%n", prepared.get(target).supportVectors(),
                    cpu[0], cpu[1], cpu[1] / cpu[0], cpu[2], cpu[0] / cpu[2]);
        }
        System.out.println("(thread CPU time in a JVM per size, best of 10 passes over the same transitions after 3 warm-up passes)");
    }

    private static double[] cpuInOwnJvm(Path folder, String target) throws Exception {
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), CpuTimedPredictors.class.getName(), folder.toString(), target)
                .redirectErrorStream(true).start();
        String output = new String(jvm.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (jvm.waitFor() != 0) {
            throw new IllegalStateException("CPU timing of " + target + " SVs failed: " + output);
        }
        String[] fields = output.lines().filter(l -> l.startsWith("CPU ")).findFirst().orElseThrow().split(" ");
        return new double[] {Double.parseDouble(fields[1]), Double.parseDouble(fields[2]), Double.parseDouble(fields[3])};
    }
}
