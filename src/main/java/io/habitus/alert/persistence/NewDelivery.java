package io.habitus.alert.persistence;

import java.time.Instant;

/**
 * Alerts to queue for a sink in one row; {@code alertKey} (what they are about) makes queueing them
 * twice a no-op, {@code alertsJson} is their JSON array ({@link DeliveryRow}).
 */
public record NewDelivery(String sink, String alertKey, String alertType, String severity, int alertCount, String alertsJson,
        Instant createdAt) {}
