package io.habitus.bench;

import java.util.List;

/** What one measured phase (one path at one concurrency level) achieved. */
record PhaseResult(String sink, int clients, long batches, long events, double seconds, long failures,
        List<String> failureSamples, double p50Millis, double p99Millis, String databaseWaits, CpuMeter.Usage cpu) {

    double eventsPerSecond() {
        return events / seconds;
    }

    double batchesPerSecond() {
        return batches / seconds;
    }

    String summary() {
        return "%-7s clients=%-3d %,10.0f events/s %8.1f batches/s  p50 %7.1f ms  p99 %7.1f ms  (%,d events in %.1f s%s)"
                .formatted(sink, clients, eventsPerSecond(), batchesPerSecond(), p50Millis, p99Millis, events, seconds,
                        failures == 0 ? "" : ", " + failures + " FAILED batches");
    }
}
