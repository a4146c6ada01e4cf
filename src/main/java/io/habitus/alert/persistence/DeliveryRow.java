package io.habitus.alert.persistence;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The alerts of one published fact (the audits one commit opened, an incident's change) for one sink,
 * with where their delivery stands. {@code alertsJson} is the alerts as stored: a JSON array of
 * {@code {"id": …, "alert": {…}}}, {@code alertCount} long.
 */
public record DeliveryRow(
        long id, UUID deliveryId, String sink, String alertKey, String alertType, String severity, int alertCount,
        String alertsJson,
        Instant createdAt, String state, int attempts, Instant nextAttemptAt, @Nullable Instant lastAttemptAt,
        @Nullable Integer lastStatus, @Nullable String lastError, @Nullable Instant deliveredAt, @Nullable Instant failedAt) {}
