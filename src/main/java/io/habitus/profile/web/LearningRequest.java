package io.habitus.profile.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

@Schema(description = "What to do with an image's learning")
record LearningRequest(
        @NotNull @Schema(description = """
                FINISH: end the open window now, build a profile from it and activate it. \
                CONFIGURE: change this image's targets (the fields below; also to extend a window). \
                RELEARN: open a new window (also to start learning again); the active profile keeps judging until \
                the new one replaces it.""")
        Action action,
        @Schema(description = "Container time to observe (ISO-8601 duration)", example = "PT2H") @Nullable Duration window,
        @Schema(description = "Time without new behaviour before the window may end", example = "PT15M")
        @Nullable Duration stability,
        @Min(0) @Schema(example = "5000") @Nullable Long minEvents,
        @Min(1) @Schema(example = "2") @Nullable Integer minContainers) {

    enum Action { FINISH, CONFIGURE, RELEARN }
}
