package io.habitus.audit.internal;

import io.habitus.shared.Verdict;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One deviation as recorded: the rule that failed, why, the (first) event, how often it recurred
 * in its dedup window, which profile (and model) version judged it, and the transition (null on audits
 * older than its column).
 */
public record Audit(
        long id, String digest, String containerId, @Nullable String node, Verdict verdict, String ruleKind,
        String ruleValue, @Nullable String rawValue, String reason, JsonNode event, Instant firstSeen, Instant lastSeen,
        long occurrences, @Nullable Integer profileVersion, @Nullable String profileChecksum, @Nullable Integer modelVersion,
        @Nullable Double score, @Nullable Double threshold, AuditStatus status, @Nullable String resolvedBy,
        @Nullable Instant resolvedAt, @Nullable String resolutionReason, @Nullable Integer allowedInVersion,
        @Nullable AuditTransition transition) {}
