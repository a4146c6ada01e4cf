package io.habitus.pipeline.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Schema(description = "A container state to start a what-if from, instead of the tracked one")
record PriorStateRequest(
        @Schema(description = "Executables of the live processes", example = "[\"/usr/sbin/nginx\"]")
        @NotNull @Size(max = 256) List<@NotBlank @Size(max = 4096) String> processes,
        @Schema(description = "The last tokens, oldest first (as GET /api/v1/containers/{id}/state shows them)",
                example = "[\"exec /usr/sbin/nginx <- /usr/sbin/nginx\", \"accept tcp/80\"]")
        @NotNull @Size(max = 256) List<@NotBlank @Size(max = 4096) String> recentTokens,
        @Schema(description = """
                Optional: live processes by pid, with their parent and their own last tokens (as GET \
                /api/v1/containers/{id}/state shows them). An event of one of these pids is judged as that \
                process's next step; without them every event's process is taken as new (no own tokens yet, its \
                parent from the event).""")
        @Size(max = 256) @Nullable List<@Valid @NotNull PriorProcessRequest> pids) {

    @Schema(name = "PriorProcess", description = "A live process of the given state")
    record PriorProcessRequest(
            @Schema(example = "42") @NotNull @Min(0) Long pid,
            @Schema(description = "Its executable", example = "/usr/sbin/nginx") @NotBlank @Size(max = 4096) String executable,
            @Schema(description = "Its parent's executable; absent for unknown", example = "/usr/sbin/nginx")
            @Size(max = 4096) @Nullable String parent,
            @Schema(description = "Its own last tokens, oldest first", example = "[\"accept tcp/80\"]")
            @Size(max = 64) @Nullable List<@NotBlank @Size(max = 4096) String> recentTokens) {}
}
