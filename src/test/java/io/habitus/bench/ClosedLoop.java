package io.habitus.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives a sink from N clients in a closed loop: each client sends its next batch as soon as the
 * previous one is acknowledged, like agents that flush whenever their buffer is full. Throughput is
 * what the sink sustains at that concurrency; latency is per batch, from send to acknowledgement.
 * Clients are platform threads: there are only a handful, and each blocks on I/O most of the time.
 */
final class ClosedLoop {

    /** A phase gives up after this many failed batches: past that the figures mean nothing. */
    private static final long FAILURE_LIMIT = 100;

    private final List<PreparedBatch> templates;
    private final String runId;
    private final AtomicLong counter = new AtomicLong();

    ClosedLoop(List<PreparedBatch> templates, String runId) {
        this.templates = templates;
        this.runId = runId;
    }

    /**
     * Runs {@code clients} clients until {@code duration} has passed, or until {@code batchLimit}
     * batches were sent when it is positive. Batches started before the deadline are finished and
     * counted, and the elapsed time runs until the last of them is acknowledged.
     */
    PhaseResult run(BatchSink sink, String phase, int clients, Duration duration, long batchLimit, DatabaseWaits waits,
            CpuMeter cpu) throws Exception {
        List<BatchSink.Client> opened = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            opened.add(sink.open());
        }
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        AtomicLong events = new AtomicLong();
        AtomicLong batches = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        List<String> samples = Collections.synchronizedList(new ArrayList<>());
        AtomicLong remaining = new AtomicLong(batchLimit > 0 ? batchLimit : Long.MAX_VALUE);
        long start = System.nanoTime();
        long deadline = batchLimit > 0 ? Long.MAX_VALUE : start + duration.toNanos();
        if (waits != null) {
            waits.start();
        }
        CpuMeter.Snapshot cpuBefore = cpu == null ? null : cpu.snapshot();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int client = i;
            latencies[client] = new long[1024];
            threads.add(Thread.ofPlatform().name("bench-" + sink.name() + "-" + client).start(() -> {
                while (System.nanoTime() < deadline && remaining.getAndDecrement() > 0 && failures.get() < FAILURE_LIMIT) {
                    long n = counter.getAndIncrement();
                    PreparedBatch batch = templates.get((int) (n % templates.size()));
                    String batchId = runId + "-" + phase + "-" + n;
                    long sent = System.nanoTime();
                    try {
                        opened.get(client).store(batch, batchId, n);
                    } catch (Exception e) {
                        if (failures.incrementAndGet() <= 3) {
                            samples.add(batchId + ": " + e.getMessage());
                        }
                        continue;
                    }
                    if (counts[client] == latencies[client].length) {
                        latencies[client] = Arrays.copyOf(latencies[client], counts[client] * 2);
                    }
                    latencies[client][counts[client]++] = System.nanoTime() - sent;
                    events.addAndGet(batch.size());
                    batches.incrementAndGet();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        CpuMeter.Usage used = cpu == null ? null : cpu.since(cpuBefore, cpu.snapshot(), seconds, events.get());
        String waited = waits == null ? "" : waits.stop();
        for (BatchSink.Client client : opened) {
            client.close();
        }
        long[] all = merge(latencies, counts);
        return new PhaseResult(sink.name(), clients, batches.get(), events.get(), seconds, failures.get(), List.copyOf(samples),
                percentile(all, 0.50), percentile(all, 0.99), waited, used);
    }

    private static long[] merge(long[][] latencies, int[] counts) {
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int i = 0; i < latencies.length; i++) {
            System.arraycopy(latencies[i], 0, all, at, counts[i]);
            at += counts[i];
        }
        Arrays.sort(all);
        return all;
    }

    /** Nearest-rank percentile in milliseconds. */
    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
    }
}
