package io.habitus.ingest;

import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A batch as received: its envelope is already valid, its events are still raw JSON because each
 * is validated on its own (a bad event must not sink the good ones).
 */
public record IncomingBatch(String batchId, AgentInfo agent, List<JsonNode> events) {

    public IncomingBatch {
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(agent, "agent");
        events = List.copyOf(Objects.requireNonNull(events, "events"));
    }
}
