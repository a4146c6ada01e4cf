package io.habitus.sensor.internal;

import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One delivery of a sensor's records.
 *
 * @param idempotencyKey identifies the delivery: a retry with the same key is stored once
 * @param records the records as the sensor wrote them, each a JSON object
 */
public record SensorBatch(Sensor sensor, String idempotencyKey, List<JsonNode> records) {

    public SensorBatch {
        Objects.requireNonNull(sensor, "sensor");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        records = List.copyOf(records);
    }

    /** The batchId under which the pipeline's ledger keeps this delivery, apart from agents' own ids. */
    public String batchId() {
        return sensor.wireName() + ":" + idempotencyKey;
    }
}
