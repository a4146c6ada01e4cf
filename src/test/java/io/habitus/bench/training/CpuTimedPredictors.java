package io.habitus.bench.training;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A cross-check of the JMH figures on a shared machine: the same two loops timed by this thread's
 * CPU time instead of wall-clock time, so that time the thread spends preempted by other processes
 * does not count. Best of several passes after a warm-up.
 */
final class CpuTimedPredictors {

    private CpuTimedPredictors() {
    }

    /** {fast, libsvm} CPU nanoseconds per transition. */
    static double[] measure(PredictorBenchmark state, int passes) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double sink = 0;
        for (int i = 0; i < 3; i++) {
            sink += state.fastPredictor() + state.libsvmPredictValues();
        }
        double fast = Double.MAX_VALUE;
        double libsvm = Double.MAX_VALUE;
        for (int i = 0; i < passes; i++) {
            long started = threads.getCurrentThreadCpuTime();
            sink += state.fastPredictor();
            long middle = threads.getCurrentThreadCpuTime();
            sink += state.libsvmPredictValues();
            long ended = threads.getCurrentThreadCpuTime();
            fast = Math.min(fast, (middle - started) / (double) PredictorModels.QUERIES);
            libsvm = Math.min(libsvm, (ended - middle) / (double) PredictorModels.QUERIES);
        }
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("a decision value was NaN");
        }
        return new double[] {fast, libsvm};
    }
}
