package io.habitus.profile.web;

import io.habitus.profile.LearningProgress;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Schema(description = "An image's learning progress against its targets")
record LearningResponse(
        String digest,
        @Schema(description = "Whether a learning window is open") boolean learning,
        @Schema(description = "Learning while an earlier profile keeps judging") boolean relearning,
        int windowNo,
        Instant startedAt,
        long events,
        @Schema(description = "Distinct generalised behaviours observed") int tokens,
        int containers,
        int nodes,
        @Schema(description = "Observed time summed across containers") Duration containerTime,
        @Schema(description = "Time since the last new behaviour") Duration stableFor,
        @Schema(description = "Fed by agents that dropped events") boolean partial,
        Duration targetWindow,
        Duration targetStability,
        long targetEvents,
        int targetContainers,
        @Schema(description = "All targets are met; the window ends at the next check") boolean complete,
        @Nullable Instant finishedAt,
        @Nullable String finishReason) {

    static LearningResponse of(LearningProgress p) {
        return new LearningResponse(p.digest().value(), p.learning(), p.relearning(), p.windowNo(), p.startedAt(),
                p.events(), p.tokens(), p.containers(), p.nodes(), p.containerTime(), p.stableFor(), p.partial(),
                p.targetWindow(), p.targetStability(), p.targetEvents(), p.targetContainers(), p.complete(),
                p.finishedAt(), p.finishReason());
    }
}
