package io.habitus.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * Ends learning for the fleet's images through the public API, so that the next phases measure
 * ingest with every event judged against an active profile instead of feeding observations.
 */
final class LearningSwitch {

    private LearningSwitch() {}

    static void finish(URI baseUrl, String token, List<String> digests) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        for (String digest : digests) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/images/" + digest + "/learning"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"FINISH\"}"))
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 && response.statusCode() != 409) {
                throw new IllegalStateException("finishing learning of " + digest + " answered " + response.statusCode()
                        + ": " + response.body());
            }
        }
    }

    /**
     * Waits until no training job of these images is queued or running, so that measured phases
     * do not share the CPU with training; returns what the jobs ended as.
     */
    static String awaitTraining(URI baseUrl, String token, List<String> digests, java.time.Duration timeout)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            StringBuilder outcome = new StringBuilder();
            boolean pending = false;
            for (String digest : digests) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/images/" + digest + "/models/jobs"))
                        .header("Authorization", "Bearer " + token).GET().build();
                String body = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
                pending |= body.contains("\"QUEUED\"") || body.contains("\"RUNNING\"");
                outcome.append(body.contains("\"SUCCEEDED\"") ? "S" : body.contains("\"FAILED\"") ? "F" : "-");
            }
            if (!pending || System.nanoTime() > deadline) {
                return outcome + (pending ? " (timed out)" : "");
            }
            Thread.sleep(1000);
        }
    }
}
