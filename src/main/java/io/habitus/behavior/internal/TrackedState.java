package io.habitus.behavior.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A container's tracked state as people see it.
 *
 * @param processes live processes by pid (or by executable, for events without a pid)
 * @param histories per live pid: its parent's executable and its own last tokens
 */
public record TrackedState(
        String containerId, String imageDigest, Map<String, String> processes, Map<String, ProcessHistory> histories,
        List<String> recentTokens, long events, Instant lastEventAt, Instant updatedAt) {}
