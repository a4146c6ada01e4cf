package io.habitus.model;

import java.time.Instant;

/** A training job: queued in PostgreSQL, run in the background, visible with its result. */
public record TrainingJob(
        long id, String digest, int windowNo, String status, int attempts, String requestedBy, Instant createdAt,
        Instant startedAt, Instant finishedAt, String error, Integer modelVersion) {}
