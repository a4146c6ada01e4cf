package io.habitus.sensor.web;

import io.habitus.sensor.internal.SensorReceipt;
import io.habitus.sensor.internal.SkipCount;
import io.habitus.shared.FieldError;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = """
        What became of a sensor's batch: every record is counted once (received = accepted + duplicate + \
        rejected + skipped). Every accepted event is durably stored when this answer is sent""")
record SensorResponse(
        @Schema(description = "The sensor and the idempotency key: the ledger's batchId",
                example = "tetragon:sha256:9f2c4e0d6b1a7e3c8d5b4a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d") String batchId,
        @Schema(description = "STORED: stored now; DUPLICATE: an earlier delivery with this key stored it; "
                + "NOTHING_TO_STORE: every record was skipped") SensorReceipt.Outcome outcome,
        @Schema(description = "Records in the body", example = "500") int received,
        @Schema(description = "Events stored by this request", example = "420") int accepted,
        @Schema(description = "Events already stored by an earlier delivery with the same key", example = "0") int duplicate,
        @Schema(description = "Records whose Habitus event is invalid (see errors)", example = "1") int rejected,
        @Schema(description = "Records Habitus does not use (see skips); never an error", example = "79") int skipped,
        @Schema(description = "Skipped records by reason and what was skipped") List<SkipCount> skips,
        @Schema(description = "One entry per rejected record: its index in the body, the field of its Habitus event, the reason")
        List<FieldError> errors) {

    static SensorResponse of(SensorReceipt receipt) {
        return new SensorResponse(receipt.batchId(), receipt.outcome(), receipt.received(), receipt.accepted(),
                receipt.duplicate(), receipt.rejected(), receipt.skipped(), receipt.skips(), receipt.errors());
    }
}
