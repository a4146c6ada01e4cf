package io.habitus.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Feeds one image's learning window through {@code POST /api/v1/events}, nodes taking turns, each
 * batch built just before it is sent (a million events up front would not fit the generator's
 * heap) and sent once. The service writes observations exactly as it does for real agents, so
 * the rows FINISH reads are the rows production has, not a COPY's approximation of them.
 */
final class ImageLoad {

    private final Fleet fleet;
    private final BatchFactory factory;
    private final String runId;
    private final AtomicLong next = new AtomicLong();

    ImageLoad(Fleet fleet, BatchFactory factory, String runId) {
        this.fleet = fleet;
        this.factory = factory;
        this.runId = runId;
    }

    /** Sends {@code events} events in batches of {@code batchSize} from {@code clients} clients; returns seconds taken. */
    double send(ServiceSink sink, long events, int batchSize, int clients) throws Exception {
        long batches = (events + batchSize - 1) / batchSize;
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            BatchSink.Client client = sink.open();
            threads.add(Thread.ofPlatform().name("load-" + i).start(() -> {
                long n;
                while (failure.get() == null && (n = next.getAndIncrement()) < batches) {
                    int size = (int) Math.min(batchSize, events - n * batchSize);
                    try {
                        client.store(batch(n, size), runId + "-" + n, n);
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("ingest failed: " + failure.get().getMessage(), failure.get());
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** One batch of the next node's agent; the factory's random source is not thread-safe. */
    PreparedBatch batch(long n, int size) {
        synchronized (factory) {
            return factory.batch(fleet.nodes.get((int) (n % fleet.nodes.size())), size);
        }
    }
}
