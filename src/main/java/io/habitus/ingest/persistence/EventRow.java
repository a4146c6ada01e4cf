package io.habitus.ingest.persistence;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One accepted event as it is written: indexed columns plus the agent's raw JSON. */
public record EventRow(
        Instant time, int index, String type, String imageDigest, String containerId, @Nullable String node,
        JsonNode raw) {}
