package io.habitus.behavior.persistence;

import io.habitus.behavior.internal.ProcessHistory;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A container's stored state.
 *
 * @param histories per pid: parent and own last tokens; empty in rows stored before they were kept
 */
public record StateRow(
        String containerId, String digest, Map<String, String> processes, Map<String, ProcessHistory> histories,
        List<String> recent, long events, Instant lastEventAt, Instant updatedAt) {}
