package io.habitus.profile.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Per-image overrides of {@link LearningProperties}; {@code null} keeps the current value. */
public record LearningSettings(@Nullable Duration window, @Nullable Duration stability, @Nullable Long minEvents,
        @Nullable Integer minContainers) {

    public boolean isEmpty() {
        return window == null && stability == null && minEvents == null && minContainers == null;
    }
}
