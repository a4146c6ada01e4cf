package io.habitus.profile.persistence;

import java.time.Instant;

/** What one batch adds to one container's share of a learning window. */
public record ContainerDelta(String containerId, String node, Instant firstSeen, Instant lastSeen, long events) {}
