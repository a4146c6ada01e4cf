package io.habitus.incident.internal;

import io.habitus.incident.Severity;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Which incidents to list; null fields do not filter. Times bound {@code openedAt}. */
public record IncidentFilter(@Nullable String digest, @Nullable String containerId, @Nullable IncidentStatus status,
        @Nullable Severity severity, @Nullable Boolean dryRun, @Nullable Instant from, @Nullable Instant to) {}
