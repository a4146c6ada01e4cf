package io.habitus.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends batches to {@code POST /api/v1/events} as an agent would. One HttpClient for all clients:
 * over HTTP/1.1 it keeps one connection per concurrent request, so N clients hold N keep-alive
 * connections, as N agents would. A batch counts only when the answer is 200 and says that every
 * event of it was stored — anything else is a failure, because a fast wrong answer is no throughput.
 */
final class ServiceSink implements BatchSink {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final URI events;
    private final String authorization;
    private final boolean gzip;
    private final String name;

    ServiceSink(URI baseUrl, String token, boolean gzip) {
        this(baseUrl, token, gzip, "service");
    }

    /** {@code name} tells phases apart: "service" while the images learn, "active" once they are judged. */
    ServiceSink(URI baseUrl, String token, boolean gzip, String name) {
        this.name = name;
        this.events = URI.create(baseUrl + "/api/v1/events");
        this.authorization = "Bearer " + token;
        this.gzip = gzip;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Client open() {
        return this::store;
    }

    private void store(PreparedBatch batch, String batchId, long sequence) throws IOException, InterruptedException {
        byte[] body = batch.body(batchId, sequence);
        HttpRequest.Builder request = HttpRequest.newBuilder(events)
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json");
        if (gzip) {
            request.header("Content-Encoding", "gzip");
            body = gzip(body);
        }
        HttpResponse<byte[]> response = http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " " + abbreviate(text));
        }
        JsonNode receipt = json.readTree(text);
        if (!"STORED".equals(receipt.path("outcome").asString()) || receipt.path("accepted").asInt() != batch.size()
                || receipt.path("rejected").asInt() != 0 || receipt.path("duplicate").asInt() != 0) {
            throw new IllegalStateException("not every event was stored: " + abbreviate(text));
        }
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 8);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        }
        return out.toByteArray();
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
