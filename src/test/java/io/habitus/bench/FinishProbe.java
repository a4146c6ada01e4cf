package io.habitus.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the rest of the world sees while an image's learning is finished: its containers keep
 * sending events (100 every 250 ms), and people read its learning progress and its catalogue page
 * (every 250 ms). Records the slowest answer of each, so that a FINISH holding locks that ingest
 * or reads queue behind shows up even when FINISH itself is fast.
 */
final class FinishProbe implements AutoCloseable {

    private static final Duration PAUSE = Duration.ofMillis(250);

    private final AtomicLong slowestIngest = new AtomicLong();
    private final AtomicLong slowestProgress = new AtomicLong();
    private final AtomicLong slowestImage = new AtomicLong();
    private final List<String> failures = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    FinishProbe(URI baseUrl, String token, String digest, ImageLoad load, ServiceSink sink, String runId) throws Exception {
        BatchSink.Client client = sink.open();
        threads.add(Thread.ofPlatform().name("probe-ingest").start(() -> {
            for (long n = 0; running; n++) {
                PreparedBatch batch = load.batch(n, 100);
                long sent = System.nanoTime();
                try {
                    client.store(batch, runId + "-probe-" + n, n);
                } catch (Exception e) {
                    fail("ingest: " + e.getMessage());
                }
                slowestIngest.accumulateAndGet(System.nanoTime() - sent, Math::max);
                pause();
            }
        }));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest progress = get(baseUrl + "/api/v1/images/" + digest + "/learning", token);
        HttpRequest image = get(baseUrl + "/api/v1/images/" + digest, token);
        threads.add(Thread.ofPlatform().name("probe-read").start(() -> {
            while (running) {
                read(http, progress, slowestProgress);
                read(http, image, slowestImage);
                pause();
            }
        }));
    }

    /** Slowest answers in ms: ingest batch, learning progress, image page. */
    String summary() {
        return "%.0f / %.0f / %.0f".formatted(slowestIngest.get() / 1e6, slowestProgress.get() / 1e6, slowestImage.get() / 1e6);
    }

    List<String> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private void read(HttpClient http, HttpRequest request, AtomicLong slowest) {
        long sent = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                fail(request.uri().getPath() + " answered " + response.statusCode());
            }
        } catch (Exception e) {
            fail(request.uri().getPath() + ": " + e.getMessage());
        }
        slowest.accumulateAndGet(System.nanoTime() - sent, Math::max);
    }

    private void fail(String message) {
        synchronized (failures) {
            if (failures.size() < 3) {
                failures.add(message);
            }
        }
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build();
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
