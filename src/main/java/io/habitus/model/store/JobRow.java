package io.habitus.model.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A training job as stored. */
public record JobRow(
        long id, String digest, int windowNo, String status, int attempts, String requestedBy, Instant createdAt,
        @Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable String worker, @Nullable String error,
        @Nullable Integer modelVersion) {}
