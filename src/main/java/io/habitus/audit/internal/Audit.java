package io.habitus.audit.internal;

import io.habitus.shared.Verdict;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One deviation as recorded: the rule that failed, why, the (first) event, how often it recurred
 * in its dedup window, which profile (and model) version judged it, and the transition (null on audits
 * older than its column).
 */
public record Audit(
        long id, String digest, String containerId, String node, Verdict verdict, String ruleKind, String ruleValue,
        String rawValue, String reason, JsonNode event, Instant firstSeen, Instant lastSeen, long occurrences,
        Integer profileVersion, String profileChecksum, Integer modelVersion, Double score, Double threshold,
        AuditStatus status, String resolvedBy, Instant resolvedAt, String resolutionReason, Integer allowedInVersion,
        AuditTransition transition) {}
