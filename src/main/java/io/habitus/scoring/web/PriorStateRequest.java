package io.habitus.scoring.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

@Schema(description = "A container state to start a what-if from, instead of the tracked one")
record PriorStateRequest(
        @Schema(description = "Executables of the live processes", example = "[\"/usr/sbin/nginx\"]")
        @NotNull @Size(max = 256) List<@NotBlank @Size(max = 4096) String> processes,
        @Schema(description = "The last tokens, oldest first (as GET /api/v1/containers/{id}/state shows them)",
                example = "[\"exec /usr/sbin/nginx <- /usr/sbin/nginx\", \"accept tcp/80\"]")
        @NotNull @Size(max = 256) List<@NotBlank @Size(max = 4096) String> recentTokens) {}
