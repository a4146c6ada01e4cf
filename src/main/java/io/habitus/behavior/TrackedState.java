package io.habitus.behavior;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A container's tracked state as people see it.
 *
 * @param processes live processes by pid (or by executable, for events without a pid)
 */
public record TrackedState(
        String containerId, String imageDigest, Map<String, String> processes, List<String> recentTokens, long events,
        Instant lastEventAt, Instant updatedAt) {}
