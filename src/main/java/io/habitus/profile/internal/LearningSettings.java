package io.habitus.profile.internal;

import java.time.Duration;

/** Per-image overrides of {@link LearningProperties}; {@code null} keeps the current value. */
public record LearningSettings(Duration window, Duration stability, Long minEvents, Integer minContainers) {

    public boolean isEmpty() {
        return window == null && stability == null && minEvents == null && minContainers == null;
    }
}
