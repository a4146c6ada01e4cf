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
}
