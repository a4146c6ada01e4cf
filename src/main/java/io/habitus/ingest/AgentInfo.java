package io.habitus.ingest;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

@Schema(description = "The agent that sent a batch")
public record AgentInfo(
        @Schema(example = "node-a") @NotBlank @Size(max = 200) @Pattern(regexp = "^[\\x21-\\x7E]+$", message = "must be printable without spaces")
        String id,
        @Schema(example = "1.4.2") @Size(max = 100) @Nullable String version,
        @Schema(description = "A counter per agent, increasing with each batch", example = "123") @Min(0) @Nullable Long sequence,
        @Schema(description = "Events the agent lost since its previous batch", example = "0") @Min(0) @Nullable Long dropped) {

    /** Whether the agent admits to having lost events before this batch. */
    public boolean droppedEvents() {
        return dropped != null && dropped > 0;
    }
}
