package io.habitus.pipeline.web;

import io.habitus.ingest.AgentInfo;
import io.habitus.ingest.RuntimeEvent;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A batch of events. The envelope is validated as a whole; the events stay raw JSON here because
 * each is validated on its own and a bad one must not sink the others.
 */
@Schema(description = "A batch of runtime events from one agent")
record EventBatchRequest(
        @Schema(description = "Idempotency key: a retried batch is acknowledged again and stored once",
                example = "node-a-agent-000123")
        @NotBlank @Size(max = 200) @Pattern(regexp = "^[\\x21-\\x7E]+$", message = "must be printable without spaces")
        String batchId,
        @NotNull @Valid AgentInfo agent,
        @ArraySchema(schema = @Schema(implementation = RuntimeEvent.class),
                arraySchema = @Schema(description = "The events; invalid ones are reported by index and the rest kept"))
        @NotEmpty List<JsonNode> events) {}
