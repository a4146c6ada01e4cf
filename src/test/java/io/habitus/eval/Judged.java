package io.habitus.eval;

import tools.jackson.databind.JsonNode;

/**
 * Habitus's answer for one event, as the evaluation counts it: flagged by the allowlist when the
 * verdict is VIOLATION, by the model when its score is below the model's threshold and the model did
 * not learn the transition (computed for every event of an active image, violations included), by
 * both together when either is true. With it, the container's standing right after the event as the
 * answer gives it: its risk (null while the image has no container detector) and whether the
 * container has an incident.
 */
record Judged(String token, String verdict, Double score, Double threshold, boolean learned, JsonNode transition,
        String explanation, Double risk, boolean incident) {

    static Judged of(JsonNode result) {
        JsonNode score = result.path("score");
        JsonNode threshold = result.path("threshold");
        JsonNode container = result.path("container");
        JsonNode risk = container.path("risk");
        JsonNode incident = container.path("incident");
        return new Judged(result.path("token").asString(), result.path("verdict").asString(),
                score.isNumber() ? score.asDouble() : null, threshold.isNumber() ? threshold.asDouble() : null,
                result.path("learned").asBoolean(false), result.path("transition"), result.path("explanation").asString(),
                risk.isNumber() ? risk.asDouble() : null, incident.isObject());
    }

    boolean byAllowlist() {
        return "VIOLATION".equals(verdict);
    }

    boolean byModel() {
        return score != null && threshold != null && score < threshold && !learned;
    }

    boolean byBoth() {
        return byAllowlist() || byModel();
    }

    /** Lower is more anomalous; an event no model judged, or one it learned, counts as perfectly normal. */
    double modelScore() {
        return score == null || learned ? Double.POSITIVE_INFINITY : score;
    }

    /** The combined detector's score: a violation is below every model score. */
    double combinedScore() {
        return byAllowlist() ? Double.NEGATIVE_INFINITY : modelScore();
    }

    double allowlistScore() {
        return byAllowlist() ? 0 : 1;
    }
}
