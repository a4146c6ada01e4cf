package io.habitus.pipeline.web;

import io.habitus.ingest.IngestReceipt;
import io.habitus.shared.FieldError;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "What became of a batch. Every accepted event is durably stored when this answer is sent")
record IngestResponse(
        @Schema(example = "node-a-agent-000123") String batchId,
        @Schema(description = "STORED: stored now; DUPLICATE: an earlier delivery of this batchId stored it") IngestReceipt.Outcome outcome,
        @Schema(description = "Events stored by this request", example = "499") int accepted,
        @Schema(description = "Events already stored by an earlier delivery of the batch", example = "0") int duplicate,
        @Schema(description = "Events refused", example = "1") int rejected,
        @Schema(description = "One entry per refused event: its index in the batch, the field and the reason") List<FieldError> errors) {

    static IngestResponse of(IngestReceipt receipt) {
        return new IngestResponse(receipt.batchId(), receipt.outcome(), receipt.accepted(), receipt.duplicate(),
                receipt.rejected(), receipt.errors());
    }
}
