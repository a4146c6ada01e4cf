package io.habitus.behavior.web;

import io.habitus.behavior.internal.TrackedState;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

@Schema(description = "What a container is doing now: its live processes and its last tokens")
record ContainerStateResponse(
        String containerId,
        String imageDigest,
        @Schema(description = "Live processes: executable by pid", example = "{\"1\": \"/usr/sbin/nginx\"}") Map<String, String> processes,
        @Schema(description = "Per live pid: its parent's executable (? when unknown) and its own last tokens, oldest "
                + "first; what the model reads of the process that acts next (empty for pids not seen since this was kept)")
        Map<String, ProcessHistoryResponse> processHistories,
        @Schema(description = "The last tokens, oldest first", example = "[\"accept tcp/80\", \"read /var/www/*\"]") List<String> recentTokens,
        @Schema(description = "Events applied so far") long events,
        Instant lastEventAt,
        Instant updatedAt) {

    @Schema(name = "ProcessHistory", description = "A live process's parent and its own last tokens")
    record ProcessHistoryResponse(
            @Schema(example = "/usr/sbin/nginx") @Nullable String parent,
            @Schema(example = "[\"accept tcp/80\", \"read /var/www/*\"]") List<String> recentTokens) {}

    static ContainerStateResponse of(TrackedState s) {
        Map<String, ProcessHistoryResponse> histories = new LinkedHashMap<>();
        s.histories().forEach((pid, h) -> histories.put(pid, new ProcessHistoryResponse(h.parent(), h.recent())));
        return new ContainerStateResponse(s.containerId(), s.imageDigest(), s.processes(), histories, s.recentTokens(),
                s.events(), s.lastEventAt(), s.updatedAt());
    }
}
