package io.habitus.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a prepared batch's events to {@code POST /api/v1/score}: one request per batch, so the
 * batch size is the events per request. A request counts only if the answer is 200 with one
 * result per event (and, with commit=true, not a duplicate and nothing rejected). Verdicts and how
 * many results carry a model score are tallied, to show that the models really judged.
 */
final class ScoreSink implements BatchSink {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final URI score;
    private final String authorization;
    private final boolean commit;
    private final String name;
    private final Map<String, LongAdder> verdicts = new ConcurrentHashMap<>();
    private final LongAdder modelScored = new LongAdder();
    private final LongAdder results = new LongAdder();

    ScoreSink(URI baseUrl, String token, boolean commit, String name) {
        this.score = URI.create(baseUrl + "/api/v1/score?commit=" + commit);
        this.authorization = "Bearer " + token;
        this.commit = commit;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Client open() {
        return this::score;
    }

    /** Forgets the tallies (after a warm-up). */
    void resetTallies() {
        verdicts.clear();
        modelScored.reset();
        results.reset();
    }

    /** Verdict counts and the share of results with a model score, e.g. {@code NORMAL 97.1 %, VIOLATION 2.9 %; model-scored 100 %}. */
    String tallies() {
        long total = results.sum();
        if (total == 0) {
            return "no results";
        }
        StringBuilder text = new StringBuilder();
        new TreeMap<>(verdicts).forEach((verdict, count) -> text.append(text.isEmpty() ? "" : ", ")
                .append("%s %.1f %%".formatted(verdict, 100.0 * count.sum() / total)));
        return text.append("; model-scored %.1f %%".formatted(100.0 * modelScored.sum() / total)).toString();
    }

    double modelScoredShare() {
        long total = results.sum();
        return total == 0 ? 0 : modelScored.sum() / (double) total;
    }

    private void score(PreparedBatch batch, String batchId, long sequence) throws Exception {
        String head = commit ? "{\"batchId\":\"" + batchId + "\",\"events\":" : "{\"events\":";
        byte[] prefix = head.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + batch.eventsJson().length + 1];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        System.arraycopy(batch.eventsJson(), 0, body, prefix.length, batch.eventsJson().length);
        body[body.length - 1] = '}';
        HttpRequest request = HttpRequest.newBuilder(score)
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " " + abbreviate(text));
        }
        JsonNode answer = json.readTree(text);
        JsonNode list = answer.path("results");
        if (list.size() != batch.size() || answer.path("duplicate").asBoolean(false)
                || answer.path("rejected").size() > 0 || answer.path("commit").asBoolean() != commit) {
            throw new IllegalStateException("unexpected answer: " + abbreviate(text));
        }
        for (JsonNode result : list) {
            verdicts.computeIfAbsent(result.path("verdict").asString(), v -> new LongAdder()).increment();
            if (result.path("score").isNumber()) {
                modelScored.increment();
            }
            results.increment();
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
