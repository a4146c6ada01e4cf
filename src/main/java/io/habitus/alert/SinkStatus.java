package io.habitus.alert;

import io.habitus.incident.Severity;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A configured sink as people may see it (no URL path, no secret) with its backlog.
 *
 * @param target       scheme, host and port of its URL
 * @param signed       whether requests carry {@code Habitus-Signature}
 * @param pending      alerts not yet delivered or given up
 * @param delivered    alerts the sink accepted (2xx), within the retention period
 * @param failed       alerts given up
 * @param oldestPending when the oldest of them was queued
 * @param lastError    how the most recent failed attempt went
 */
public record SinkStatus(String name, SinkType type, String target, boolean signed, List<AlertKind> takes,
        Severity minSeverity, int maxBatchSize, long pending, long delivered, long failed, @Nullable Instant oldestPending,
        @Nullable Instant lastDeliveredAt, @Nullable Instant lastAttemptAt, @Nullable String lastError) {}
