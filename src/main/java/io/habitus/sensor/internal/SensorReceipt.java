package io.habitus.sensor.internal;

import io.habitus.shared.FieldError;
import java.util.List;

/**
 * What became of a sensor's batch. Every record is counted once: {@code received = accepted +
 * duplicate + rejected + skipped}.
 *
 * @param errors one entry per rejected record: its index in the body, the field of the Habitus event
 *     it became and the reason
 */
public record SensorReceipt(String batchId, Outcome outcome, int received, int accepted, int duplicate,
        int rejected, int skipped, List<SkipCount> skips, List<FieldError> errors) {

    public enum Outcome {
        /** Events were stored now. */
        STORED,
        /** An earlier delivery with the same idempotency key stored them; nothing new was stored. */
        DUPLICATE,
        /** No record became a Habitus event (all were skipped); nothing to store. */
        NOTHING_TO_STORE
    }

    public SensorReceipt {
        skips = List.copyOf(skips);
        errors = List.copyOf(errors);
    }
}
