package io.habitus.profile.persistence;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An image's current (or last) learning window as stored, with its per-image overrides. */
public record LearningRow(
        String digest, int windowNo, boolean learning, Instant startedAt, @Nullable Instant firstEventAt,
        @Nullable Instant lastEventAt, @Nullable Instant lastNewTokenAt, long events, int tokens, boolean partial,
        boolean finishRequested, @Nullable Duration windowOverride, @Nullable Duration stabilityOverride,
        @Nullable Long minEventsOverride, @Nullable Integer minContainersOverride, @Nullable Instant finishedAt,
        @Nullable String finishReason) {}
