package io.habitus.alert.sink;

import io.habitus.alert.Alert;
import java.util.UUID;

/**
 * One alert on its way to one sink.
 *
 * @param id         the outbox row
 * @param deliveryId the id receivers see, the same on every retry: what they deduplicate on
 */
public record Delivery(long id, UUID deliveryId, Alert alert) {}
