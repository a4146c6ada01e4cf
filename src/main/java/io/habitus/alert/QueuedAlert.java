package io.habitus.alert;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;

/**
 * One alert of a delivery.
 *
 * @param id what the sink's receiver sees for this alert (the webhook's {@code alerts[].id}, CloudEvents'
 *           {@code id}, Alertmanager's {@code delivery_id} annotation) and deduplicates on: the same on
 *           every retry
 */
@Schema(description = "One alert of a delivery, with the id its receiver deduplicates on")
public record QueuedAlert(UUID id, Alert alert) {

    /** How a delivery's alerts are read back from their stored JSON array. */
    public static final TypeReference<List<QueuedAlert>> LIST = new TypeReference<>() {};
}
