package io.habitus.behavior.internal;

import java.util.List;

/**
 * The named per-event generalisation rules. The path rules run on every path segment in the
 * order of {@link #pathRules()}; docs/generalisation.md explains each with examples.
 */
enum GeneralisationRule {
    CONTAINER_ID("container-id",
            "the event's own container id (full or 12-character short form) or pod name inside a segment becomes *"),
    UUID("uuid",
            "a UUID (8-4-4-4-12 hex digits, joined by - or _) inside a segment becomes *"),
    HEX_ID("hex-id",
            "a part of 12 or more hex digits with at least one digit (hashes, ids) becomes *"),
    NUMERIC("numeric",
            "an all-digit segment, a date or a number of 5+ digits inside a segment, or a tail of 6+ digits becomes *"),
    RANDOM_NAME("random-name",
            "a random-looking part (temp-file suffix, session id, digit-letter mix) becomes *, keeping a stable prefix"),
    EPHEMERAL_PORT("ephemeral-port",
            "a port in the ephemeral range becomes 'ephemeral'");

    private static final List<GeneralisationRule> PATH_RULES = List.of(CONTAINER_ID, UUID, HEX_ID, NUMERIC, RANDOM_NAME);

    private final String ruleName;
    private final String description;

    GeneralisationRule(String ruleName, String description) {
        this.ruleName = ruleName;
        this.description = description;
    }

    /** The stable name used in documentation, logs and explanations, e.g. {@code hex-id}. */
    public String ruleName() {
        return ruleName;
    }

    public String description() {
        return description;
    }

    /** The rules that rewrite path segments, in the order they are applied. */
    public static List<GeneralisationRule> pathRules() {
        return PATH_RULES;
    }
}
