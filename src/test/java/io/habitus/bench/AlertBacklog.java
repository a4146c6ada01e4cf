package io.habitus.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alert sinks of the service with sinks, read through its API: how many deliveries are pending,
 * delivered and given up. The benchmark waits for the outbox to drain after each phase with sinks,
 * so that sending what one phase queued does not run into the next phase's measurement.
 */
final class AlertBacklog {

    /** Summed over the sinks. */
    record Counts(long pending, long delivered, long failed) {}

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final URI sinks;
    private final String authorization;

    AlertBacklog(URI baseUrl, String token) {
        this.sinks = URI.create(baseUrl + "/api/v1/alerts/sinks");
        this.authorization = "Bearer " + token;
    }

    Counts counts() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(sinks).header("Authorization", authorization)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/v1/alerts/sinks answered " + response.statusCode());
        }
        long pending = 0;
        long delivered = 0;
        long failed = 0;
        for (JsonNode sink : json.readTree(response.body())) {
            pending += sink.get("pending").longValue();
            delivered += sink.get("delivered").longValue();
            failed += sink.get("failed").longValue();
        }
        return new Counts(pending, delivered, failed);
    }

    /** Waits until nothing is pending (or the timeout passed); answers how long that took. */
    Duration awaitDrained(Duration timeout) throws IOException, InterruptedException {
        long start = System.nanoTime();
        while (counts().pending() > 0 && System.nanoTime() - start < timeout.toNanos()) {
            Thread.sleep(250);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
