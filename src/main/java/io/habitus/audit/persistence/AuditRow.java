package io.habitus.audit.persistence;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One audit to upsert: a deviation folded with identical ones of the same batch. */
public record AuditRow(
        String digest, String containerId, @Nullable String node, String verdict, String ruleKind, String ruleValue,
        String rawValue, String reason, String eventJson, Instant firstSeen, Instant lastSeen, long occurrences,
        long bucket, Integer profileVersion, String profileChecksum, @Nullable Integer modelVersion, @Nullable Double score,
        @Nullable Double threshold, String transitionJson) {}
