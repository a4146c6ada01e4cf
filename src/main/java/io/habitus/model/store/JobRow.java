package io.habitus.model.store;

import java.time.Instant;

/** A training job as stored. */
public record JobRow(
        long id, String digest, int windowNo, String status, int attempts, String requestedBy, Instant createdAt,
        Instant startedAt, Instant finishedAt, String worker, String error, Integer modelVersion) {}
