package io.habitus.incident.internal;

import java.time.Instant;

/** Which incidents to list; null fields do not filter. Times bound {@code openedAt}. */
public record IncidentFilter(String digest, String containerId, IncidentStatus status, Instant from, Instant to) {}
