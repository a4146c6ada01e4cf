package io.habitus.ingest;

import io.habitus.shared.FieldError;
import java.util.List;

/**
 * What ingest answers for a batch.
 *
 * @param duplicate events of an earlier delivery of the same batchId, acknowledged again and not
 *     stored twice
 * @param errors one entry per rejected event: its index in the batch, the field and the reason
 */
public record IngestReceipt(String batchId, Outcome outcome, int accepted, int duplicate, int rejected,
        List<FieldError> errors) {

    public enum Outcome {
        /** Stored now. */
        STORED,
        /** Stored by an earlier delivery; nothing new was stored. */
        DUPLICATE
    }

    public IngestReceipt {
        errors = List.copyOf(errors);
    }
}
