package io.habitus.eval.unm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Waits, after learning ended, for what the service builds in the background before it judges an
 * image's containers fully: the model (training job) and the container detector. Returns their
 * figures as the service reports them, for the sizes table.
 */
final class ImageReadiness {

    private final HabitusClient client;
    private final Duration timeout;

    ImageReadiness(HabitusClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /** Waits until the image's training job ends; the active model's figures, or why there is none. */
    Map<String, Object> model(String name, String digest) throws Exception {
        long t = System.nanoTime();
        while (true) {
            JsonNode jobs = client.get("/api/v1/images/" + digest + "/models/jobs");
            boolean pending = jobs.isEmpty();
            String failure = null;
            for (JsonNode job : jobs) {
                String status = job.path("status").asString();
                pending |= status.equals("QUEUED") || status.equals("RUNNING");
                if (status.equals("FAILED")) {
                    failure = job.path("error").asString();
                }
            }
            if (!pending) {
                Map<String, Object> model = new LinkedHashMap<>();
                for (JsonNode version : client.get("/api/v1/images/" + digest + "/models")) {
                    if (version.path("active").asBoolean()) {
                        JsonNode stats = version.path("statistics");
                        model.put("version", version.path("version").asInt());
                        model.put("distinctTransitions", version.path("sampleDistinct").asInt());
                        model.put("nu", version.path("hyperParameters").path("nu").asDouble());
                        model.put("gammaFactor", version.path("hyperParameters").path("gammaFactor").asDouble());
                        model.put("supportVectors", stats.path("supportVectors").asInt());
                        model.put("threshold", round(version.path("threshold").asDouble()));
                        model.put("trainingMs", stats.path("trainingMillis").asLong());
                    }
                }
                if (model.isEmpty()) {
                    model.put("none", failure == null ? "no model" : failure);
                }
                Replay.log("%s: model after %.1f s: %s", name, seconds(t), model);
                return model;
            }
            check(t, "no model for " + name);
            Thread.sleep(500);
        }
    }

    /**
     * Waits until the image's newest container detector is READY (or FAILED), at most until
     * {@code deadline}: its threshold, novelty rate and calibration statistics as /detectors lists
     * them, or its error, or the status it was left in. Without a READY detector the image's answers
     * carry no container risk, so the incident row flags nothing; the other rows do not depend on it.
     */
    Map<String, Object> detector(String name, String digest, Instant deadline) throws Exception {
        long t = System.nanoTime();
        while (true) {
            JsonNode detectors = client.get("/api/v1/images/" + digest + "/detectors");
            JsonNode newest = detectors.isEmpty() ? null : detectors.get(0);
            String status = newest == null ? "NONE" : newest.path("status").asString();
            if (status.equals("READY") || status.equals("FAILED")) {
                Map<String, Object> detector = new LinkedHashMap<>();
                detector.put("status", status);
                if (status.equals("FAILED")) {
                    detector.put("error", newest.path("error").asString());
                } else {
                    detector.put("threshold", figure(newest.path("threshold")));
                    detector.put("noveltyRate", figure(newest.path("noveltyRate")));
                    detector.put("learnedSequences", figure(newest.path("learnedSequences")));
                    newest.path("statistics").properties().forEach(e -> detector.put(e.getKey(), figure(e.getValue())));
                }
                Replay.log("%s: container detector after %.1f s: %s", name, seconds(t), detector);
                return detector;
            }
            if (Instant.now().isAfter(deadline)) {
                Map<String, Object> detector = new LinkedHashMap<>();
                detector.put("status", status);
                detector.put("error", "not READY after " + Duration.ofSeconds(Math.round(seconds(t))) + " (deadline "
                        + deadline + ")");
                Replay.log("WARNING %s: no READY container detector: %s; its incident row flags nothing", name, detector);
                return detector;
            }
            Thread.sleep(500);
        }
    }

    private void check(long started, String message) {
        if (seconds(started) > timeout.toSeconds()) {
            throw new IllegalStateException(message + " after " + timeout);
        }
    }

    /** Numbers as people read them: integers whole, small rates with five decimals, the rest with three. */
    private static Object figure(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isNumber()) {
            double v = value.asDouble();
            double scale = Math.abs(v) < 1 ? 1e5 : 1e3;
            return Math.round(v * scale) / scale;
        }
        if (value.isArray()) {
            List<Object> figures = new ArrayList<>();
            value.forEach(element -> figures.add(figure(element)));
            return figures;
        }
        return value.isNull() ? null : value.isValueNode() ? value.asString() : value.toString();
    }

    static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
