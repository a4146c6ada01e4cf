package io.habitus.ingest.web;

import io.habitus.ingest.EventIngestion;
import io.habitus.ingest.IncomingBatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Events", description = "Ingest of runtime events from node agents")
@RestController
@RequestMapping("/api/v1/events")
class EventController {

    private final EventIngestion ingestion;

    EventController(EventIngestion ingestion) {
        this.ingestion = ingestion;
    }

    @Operation(summary = "Ingest a batch of events",
            description = """
                    Validates each event on its own: valid events are stored, invalid ones are reported by \
                    index, field and reason. A 200 answer means every accepted event is durably committed. \
                    Retrying a batch with the same batchId is safe: it is acknowledged again (outcome DUPLICATE) \
                    and stored once. A batch with no valid event is answered 400 and leaves nothing behind. \
                    Bodies may be gzip-encoded. While the database is unreachable the answer is 503 with Retry-After.""")
    @Parameter(in = ParameterIn.HEADER, name = "Content-Encoding", description = "gzip, or absent",
            required = false, example = "gzip")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    IngestResponse ingest(@Valid @RequestBody EventBatchRequest request) {
        return IngestResponse.of(ingestion.ingest(new IncomingBatch(request.batchId(), request.agent(), request.events())));
    }
}
