package io.habitus.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A training job: queued in PostgreSQL, run in the background, visible with its result. */
public record TrainingJob(
        long id, String digest, int windowNo, String status, int attempts, String requestedBy, Instant createdAt,
        @Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable String error, @Nullable Integer modelVersion) {}
