package io.habitus.behavior.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A container's stored state. */
public record StateRow(
        String containerId, String digest, Map<String, String> processes, List<String> recent, long events,
        Instant lastEventAt, Instant updatedAt) {}
