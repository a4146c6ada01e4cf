package io.habitus.behavior.web;

import io.habitus.behavior.TrackedState;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

@Schema(description = "What a container is doing now: its live processes and its last tokens")
record ContainerStateResponse(
        String containerId,
        String imageDigest,
        @Schema(description = "Live processes: executable by pid", example = "{\"1\": \"/usr/sbin/nginx\"}") Map<String, String> processes,
        @Schema(description = "The last tokens, oldest first", example = "[\"accept tcp/80\", \"read /var/www/*\"]") List<String> recentTokens,
        @Schema(description = "Events applied so far") long events,
        Instant lastEventAt,
        Instant updatedAt) {

    static ContainerStateResponse of(TrackedState s) {
        return new ContainerStateResponse(s.containerId(), s.imageDigest(), s.processes(), s.recentTokens(), s.events(),
                s.lastEventAt(), s.updatedAt());
    }
}
