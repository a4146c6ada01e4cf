package io.habitus.profile;

import io.habitus.shared.ImageDigest;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where an image's learning stands, against the targets that apply to it.
 *
 * @param learning whether a window is open
 * @param relearning whether a window is open while an earlier profile keeps judging
 * @param containerTime observed time summed across containers
 * @param stableFor event time since the last new token
 * @param partial whether agents feeding the window dropped events
 */
public record LearningProgress(
        ImageDigest digest, boolean learning, boolean relearning, int windowNo, Instant startedAt, long events,
        int tokens, int containers, int nodes, Duration containerTime, Duration stableFor, boolean partial,
        Duration targetWindow, Duration targetStability, long targetEvents, int targetContainers, boolean complete,
        @Nullable Instant finishedAt, @Nullable String finishReason) {}
