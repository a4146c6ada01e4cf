package io.habitus.incident.internal;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An image's container detector as people read it: which learning window it learned, how it was
 * calibrated (the sequence threshold on the novelty surprise, the mix threshold on the distance of
 * token-pair mixes), and how its dry run goes.
 */
public record DetectorView(long id, String digest, int window, String status, Instant createdAt, @Nullable Instant readyAt,
        @Nullable Integer learnedSequences, @Nullable Double noveltyRate, @Nullable Double threshold, @Nullable Double mixThreshold, @Nullable Map<String, Object> statistics,
        @Nullable String error,
        @Nullable Instant dryRunUntil, long incidents, long dryRunIncidents, long proposals) {}
