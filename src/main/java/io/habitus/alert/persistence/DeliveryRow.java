package io.habitus.alert.persistence;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One alert for one sink, with where its delivery stands. {@code alertJson} is the alert as stored. */
public record DeliveryRow(
        long id, UUID deliveryId, String sink, String alertKey, String alertType, String severity, String alertJson,
        Instant createdAt, String state, int attempts, Instant nextAttemptAt, @Nullable Instant lastAttemptAt,
        @Nullable Integer lastStatus, @Nullable String lastError, @Nullable Instant deliveredAt, @Nullable Instant failedAt) {}
