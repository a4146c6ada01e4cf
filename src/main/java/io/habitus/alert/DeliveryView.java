package io.habitus.alert;

import io.habitus.incident.Severity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The alerts of one published fact for one sink (the audits one ingest commit opened, or one change
 * of an incident) and how their delivery went: they are sent, retried and given up together.
 *
 * @param deliveryId    an id of the delivery as a whole; each alert has its own ({@link QueuedAlert#id()})
 * @param alertType     the alerts' type ({@link Alert#type()}); all alerts of a delivery have the same
 * @param severity      the highest of the alerts' severities
 * @param nextAttemptAt when a pending delivery is tried next
 * @param lastStatus    the sink's HTTP status at the last attempt (null: no answer)
 */
public record DeliveryView(long id, UUID deliveryId, String sink, String alertType, Severity severity, DeliveryState state,
        int attempts, Instant createdAt, Instant nextAttemptAt, @Nullable Instant lastAttemptAt, @Nullable Integer lastStatus,
        @Nullable String lastError, @Nullable Instant deliveredAt, @Nullable Instant failedAt, List<QueuedAlert> alerts) {}
