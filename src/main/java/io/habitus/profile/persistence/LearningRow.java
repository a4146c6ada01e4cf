package io.habitus.profile.persistence;

import java.time.Duration;
import java.time.Instant;

/** An image's current (or last) learning window as stored, with its per-image overrides. */
public record LearningRow(
        String digest, int windowNo, boolean learning, Instant startedAt, Instant firstEventAt, Instant lastEventAt,
        Instant lastNewTokenAt, long events, int tokens, boolean partial, boolean finishRequested,
        Duration windowOverride, Duration stabilityOverride, Long minEventsOverride, Integer minContainersOverride,
        Instant finishedAt, String finishReason) {}
