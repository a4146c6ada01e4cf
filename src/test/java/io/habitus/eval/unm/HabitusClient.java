package io.habitus.eval.unm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The few public API calls the replay needs, as an agent and an admin would make them. */
final class HabitusClient {

    /**
     * One event's answer from POST /api/v1/score: verdict, model score and threshold (null without a
     * model), whether the model learned the transition, and the container's standing right after it:
     * its risk (null while the image has no container detector) and whether it has an incident.
     */
    record Judged(String verdict, Double score, Double threshold, boolean learned, Double risk, boolean incident) {

        boolean violation() {
            return "VIOLATION".equals(verdict);
        }

        /** The model's own verdict, also for a VIOLATION: below its threshold and not learned. */
        boolean modelAnomalous() {
            return score != null && threshold != null && score < threshold && !learned;
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final URI base;
    private final String authorization;

    HabitusClient(URI base, String token) {
        this.base = base;
        this.authorization = "Bearer " + token;
    }

    JsonMapper json() {
        return json;
    }

    /** POST /api/v1/events; fails unless every event was stored. */
    void ingest(String batchId, ArrayNode events) throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode();
        body.put("batchId", batchId);
        body.putObject("agent").put("id", "unm-replay").put("version", "1");
        body.set("events", events);
        JsonNode receipt = send("POST", "/api/v1/events", body, 200);
        if (receipt.path("accepted").asInt() != events.size()) {
            throw new IOException("not every event was stored: " + abbreviate(receipt.toString()));
        }
    }

    /** POST /api/v1/score?commit=…; one answer per event, in order. */
    List<Judged> score(ArrayNode events, boolean commit) throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode();
        body.set("events", events);
        JsonNode answer = send("POST", "/api/v1/score?commit=" + commit, body, 200);
        JsonNode results = answer.path("results");
        if (results.size() != events.size()) {
            throw new IOException("expected " + events.size() + " results, got " + results.size());
        }
        dump(events, results);
        List<Judged> judged = new ArrayList<>(results.size());
        for (JsonNode result : results) {
            JsonNode container = result.get("container");
            boolean hasContainer = container != null && !container.isNull();
            judged.add(new Judged(result.path("verdict").asString(), number(result.get("score")),
                    number(result.get("threshold")), result.path("learned").asBoolean(false),
                    hasContainer ? number(container.get("risk")) : null,
                    hasContainer && container.get("incident") != null && !container.get("incident").isNull()));
        }
        return judged;
    }

    /** A diagnostic: with EVAL_DUMP=<file>, each committed answer's container standing, one tab-separated line per event. */
    private static synchronized void dump(ArrayNode events, JsonNode results) throws IOException {
        String file = System.getenv("EVAL_DUMP");
        if (file == null || file.isBlank() || events.isEmpty()) {
            return;
        }
        String id = events.get(0).path("container").path("id").asString();
        StringBuilder lines = new StringBuilder();
        for (JsonNode result : results) {
            JsonNode c = result.path("container");
            lines.append(id).append('\t').append(result.path("verdict").asString()).append('\t')
                    .append(result.path("score").asString("")).append('\t').append(result.path("learned").asBoolean(false))
                    .append('\t').append(c.path("novel").asBoolean(false)).append('\t').append(c.path("evidence").asString(""))
                    .append('\t').append(c.path("threshold").asString("")).append('\t').append(c.path("mixEvidence").asString(""))
                    .append('\t').append(c.path("mixThreshold").asString("")).append('\t').append(c.path("modelEvidence").asString(""))
                    .append('\t').append(c.path("modelThreshold").asString("")).append('\t').append(c.path("risk").asString(""))
                    .append('\t').append(c.path("novelAs").toString())
                    .append('\t').append(c.path("rarityEvidence").asString("")).append('\t').append(c.path("rarityThreshold").asString(""))
                    .append('\t').append(result.path("token").asString(""))
                    .append('\t').append(result.path("transition").path("before").path("recentTokens").toString())
                    .append('\n');
        }
        java.nio.file.Files.writeString(java.nio.file.Path.of(file), lines, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    void learning(String digest, ObjectNode request) throws IOException, InterruptedException {
        send("POST", "/api/v1/images/" + digest + "/learning", request, 200);
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, 200);
    }

    private JsonNode send(String method, String path, JsonNode body, int expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", authorization)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() != expected) {
            throw new IOException(method + " " + path + ": HTTP " + response.statusCode() + " " + abbreviate(text));
        }
        return text.isEmpty() ? json.createObjectNode() : json.readTree(text);
    }

    private static Double number(JsonNode node) {
        return node == null || node.isNull() ? null : node.asDouble();
    }

    private static String abbreviate(String text) {
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }
}
