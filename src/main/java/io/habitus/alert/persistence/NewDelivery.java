package io.habitus.alert.persistence;

import java.time.Instant;

/** An alert to queue for a sink; {@code alertKey} makes queueing it twice a no-op. */
public record NewDelivery(String sink, String alertKey, String alertType, String severity, String alertJson, Instant createdAt) {}
