package io.habitus.pipeline.web;

import io.habitus.ingest.AgentInfo;
import io.habitus.ingest.RuntimeEvent;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Events to score; they stay raw JSON here because ingest's validator names every bad field. */
@Schema(description = "Events to score, with an optional starting state for what-if calls")
record ScoreRequest(
        @ArraySchema(schema = @Schema(implementation = RuntimeEvent.class),
                arraySchema = @Schema(description = "The events, in the ingest schema; all must be valid"))
        @NotEmpty List<JsonNode> events,
        @Schema(description = "What-if only: start from this state instead of the tracked one (all events of one container)")
        @Valid @Nullable PriorStateRequest priorState,
        @ArraySchema(schema = @Schema(implementation = RuntimeEvent.class),
                arraySchema = @Schema(description = "What-if only: earlier events replayed on an empty state to make the "
                        + "starting state (all events of one container)"))
        @Size(max = 10_000) @Nullable List<JsonNode> priorEvents,
        @Schema(description = "commit=true only: idempotency key, as for ingest; a retry answers duplicate=true",
                example = "node-a-score-000042")
        @Size(max = 200) @Pattern(regexp = "^[\\x21-\\x7E]+$", message = "must be printable without spaces") @Nullable String batchId,
        @Schema(description = "commit=true only: the agent sending; defaults to the token's name") @Valid @Nullable AgentInfo agent) {}
