package io.habitus.ingest.persistence;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** An event read back from the log, with the raw JSON the agent sent. */
public record StoredEvent(long id, Instant time, String type, String batchId, JsonNode raw) {}
