package io.habitus.alert;

import io.habitus.incident.Severity;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One alert for one sink and how its delivery went.
 *
 * @param deliveryId    what receivers see and deduplicate on
 * @param nextAttemptAt when a pending delivery is tried next
 * @param lastStatus    the sink's HTTP status at the last attempt (null: no answer)
 */
public record DeliveryView(long id, UUID deliveryId, String sink, String alertType, Severity severity, DeliveryState state,
        int attempts, Instant createdAt, Instant nextAttemptAt, @Nullable Instant lastAttemptAt, @Nullable Integer lastStatus,
        @Nullable String lastError, @Nullable Instant deliveredAt, @Nullable Instant failedAt, Alert alert) {}
