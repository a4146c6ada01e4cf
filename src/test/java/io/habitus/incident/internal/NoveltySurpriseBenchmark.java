package io.habitus.incident.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * bench/novelty.sh: what one novel event's surprise costs ({@link NoveltySurprise}), the binomial null
 * against the dispersed one on the same counts, with JMH. The counts are what a container's novel event
 * meets: ages from 20 to 200,000 events (log-uniform), novel counts from one to three times the
 * expected at a rate of 0.005, and at each dispersion the design effect's trials ({@code 1 / ρ} at most).
 * ns per surprise and the dispersed / binomial ratio per dispersion.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NoveltySurpriseBenchmark {

    private static final int CASES = 1024;
    private static final double RATE = 0.005;

    /** The measured dispersions of UNM's programs as one image (0.21, 0.066, 0.00007) and one small. */
    @Param({"0.21", "0.066", "0.001", "0.00007"})
    public double dispersion;

    private long[] novel;
    private long[] events;

    @Setup(Level.Trial)
    public void counts() {
        Random random = new Random(20261207);
        novel = new long[CASES];
        events = new long[CASES];
        for (int i = 0; i < CASES; i++) {
            events[i] = Math.round(Math.pow(10, 1.3 + random.nextDouble() * 4));
            novel[i] = Math.max(1, Math.round(events[i] * RATE * (1 + 2 * random.nextDouble())));
        }
    }

    @Benchmark
    @OperationsPerInvocation(CASES)
    public double binomial() {
        double sum = 0;
        for (int i = 0; i < CASES; i++) {
            sum += NoveltySurprise.of(novel[i], events[i], RATE);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(CASES)
    public double dispersed() {
        double sum = 0;
        for (int i = 0; i < CASES; i++) {
            sum += NoveltySurprise.of(novel[i], events[i], RATE, dispersion);
        }
        return sum;
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        Options options = new OptionsBuilder()
                .include(NoveltySurpriseBenchmark.class.getName() + "\\.")
                .forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(5).measurementTime(TimeValue.seconds(seconds))
                .jvmArgsAppend("-Xmx512m")
                .build();
        Map<String, double[]> binomial = new LinkedHashMap<>();
        Map<String, double[]> dispersed = new LinkedHashMap<>();
        for (RunResult result : new Runner(options).run()) {
            String rho = result.getParams().getParam("dispersion");
            double[] score = {result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError()};
            (result.getParams().getBenchmark().endsWith("binomial") ? binomial : dispersed).put(rho, score);
        }
        System.out.println();
        System.out.println("| dispersion ρ | binomial ns/surprise | dispersed ns/surprise | dispersed / binomial |");
        System.out.println("|---:|---:|---:|---:|");
        for (String rho : dispersed.keySet()) {
            double[] b = binomial.get(rho);
            double[] d = dispersed.get(rho);
            System.out.printf("| %s | %.0f ± %.0f | %.0f ± %.0f | %.2f |%n", rho, b[0], b[1], d[0], d[1], d[0] / b[0]);
        }
    }
}
