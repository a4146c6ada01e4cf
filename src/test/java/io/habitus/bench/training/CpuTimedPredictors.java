package io.habitus.bench.training;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A cross-check of the JMH figures on a shared machine: the same two loops timed by this thread's
 * CPU time instead of wall-clock time, so that time the thread spends preempted by other processes
 * does not count. Best of several passes after a warm-up. Each model size is measured in a JVM of
 * its own ({@link #main}, started by {@link PredictorRun}), as JMH forks do: measured in the
 * process that trained the models, after the other sizes, the loops were compiled for another
 * model and the heap held the whole training sample, and the 5,000-SV figure came out above the
 * wall-clock one.
 */
final class CpuTimedPredictors {

    private CpuTimedPredictors() {
    }

    /** Prints "fast libsvm bare" CPU nanoseconds per transition for one model: {@code <folder> <support vectors>}. */
    public static void main(String[] args) throws Exception {
        System.setProperty(PredictorBenchmark.FOLDER_PROPERTY, args[0]);
        PredictorBenchmark state = new PredictorBenchmark();
        state.supportVectors = Integer.parseInt(args[1]);
        state.load();
        double[] cpu = measure(state, 10);
        System.out.println("CPU " + cpu[0] + " " + cpu[1] + " " + cpu[2]);
    }

    /** {fast, libsvm, bare arithmetic} CPU nanoseconds per transition. */
    static double[] measure(PredictorBenchmark state, int passes) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double sink = 0;
        for (int i = 0; i < 3; i++) {
            sink += state.fastPredictor() + state.libsvmPredictValues() + state.bareArithmetic();
        }
        double fast = Double.MAX_VALUE;
        double libsvm = Double.MAX_VALUE;
        double bare = Double.MAX_VALUE;
        for (int i = 0; i < passes; i++) {
            long started = threads.getCurrentThreadCpuTime();
            sink += state.fastPredictor();
            long middle = threads.getCurrentThreadCpuTime();
            sink += state.libsvmPredictValues();
            long ended = threads.getCurrentThreadCpuTime();
            sink += state.bareArithmetic();
            long floor = threads.getCurrentThreadCpuTime();
            fast = Math.min(fast, (middle - started) / (double) PredictorModels.QUERIES);
            libsvm = Math.min(libsvm, (ended - middle) / (double) PredictorModels.QUERIES);
            bare = Math.min(bare, (floor - ended) / (double) PredictorModels.QUERIES);
        }
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("a decision value was NaN");
        }
        return new double[] {fast, libsvm, bare};
    }
}
