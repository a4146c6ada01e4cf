package io.habitus.eval;

import io.habitus.sim.SimEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public HTTP API of Habitus, as the evaluation and the demo use it; any non-2xx answer is an error. */
final class HabitusClient {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;
    private final String authorization;

    HabitusClient(String base, String token) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.authorization = "Bearer " + token;
    }

    JsonMapper json() {
        return json;
    }

    boolean ready() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** POST /api/v1/events; every event must be accepted. */
    JsonNode ingest(String batchId, List<SimEvent> events) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("batchId", batchId);
        body.put("agent", Map.of("id", events.getFirst().container().node(), "version", "sim-1"));
        body.put("events", events.stream().map(SimEvent::toJson).toList());
        JsonNode receipt = send("POST", "/api/v1/events", body);
        if (receipt.path("rejected").asInt() != 0) {
            throw new IllegalStateException("events rejected: " + receipt);
        }
        return receipt;
    }

    /** POST /api/v1/score: one result per event, in order. */
    JsonNode score(List<SimEvent> events, List<SimEvent> priorEvents, boolean commit, String batchId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("events", events.stream().map(SimEvent::toJson).toList());
        if (priorEvents != null && !priorEvents.isEmpty()) {
            body.put("priorEvents", priorEvents.stream().map(SimEvent::toJson).toList());
        }
        if (batchId != null) {
            body.put("batchId", batchId);
        }
        return send("POST", "/api/v1/score?commit=" + commit, body).path("results");
    }

    JsonNode learning(String digest, Map<String, Object> request) {
        return send("POST", "/api/v1/images/" + digest + "/learning", request);
    }

    JsonNode image(String digest) {
        return send("GET", "/api/v1/images/" + digest, null);
    }

    JsonNode models(String digest) {
        return send("GET", "/api/v1/images/" + digest + "/models", null);
    }

    JsonNode jobs(String digest) {
        return send("GET", "/api/v1/images/" + digest + "/models/jobs", null);
    }

    /**
     * Waits until the image has an active model and returns it; fails with the job's error when
     * training failed, or after {@code timeout}.
     */
    JsonNode awaitActiveModel(String digest, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode model : models(digest)) {
                if (model.path("active").asBoolean()) {
                    return model;
                }
            }
            for (JsonNode job : jobs(digest)) {
                if ("FAILED".equals(job.path("status").asString())) {
                    throw new IllegalStateException("training failed for " + digest + ": " + job.path("error").asString());
                }
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("no active model for " + digest + " after " + timeout);
    }

    /** GET /api/v1/images/{digest}/detectors: the image's container detectors, newest first. */
    JsonNode detectors(String digest) {
        return send("GET", "/api/v1/images/" + digest + "/detectors", null);
    }

    /**
     * Waits until the image's newest container detector is READY or FAILED and returns it; after
     * {@code timeout}, returns what there is (its status says so; an empty object when there is
     * none). Without a READY detector answers carry no container risk, so no container gets an
     * incident: the incident figures show it, the other figures do not depend on it.
     */
    JsonNode awaitDetector(String digest, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            JsonNode detectors = detectors(digest);
            JsonNode newest = detectors.isEmpty() ? json.createObjectNode() : detectors.get(0);
            String status = newest.path("status").asString("NONE");
            if (status.equals("READY") || status.equals("FAILED") || Instant.now().isAfter(deadline)) {
                return newest;
            }
            Thread.sleep(500);
        }
    }

    private JsonNode send(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofMinutes(5))
                    .header("Authorization", authorization)
                    .header("Accept", "application/json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " -> HTTP " + response.statusCode() + ": "
                        + abbreviate(response.body()));
            }
            return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "…";
    }
}
