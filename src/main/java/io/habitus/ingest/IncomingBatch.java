package io.habitus.ingest;

import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A batch as received: its envelope is already valid, its events are still raw JSON because each
 * is validated on its own (a bad event must not sink the good ones).
 *
 * @param plainStrings whether the events' strings are known to hold no quote, backslash, control character, NUL
 *                     or UTF-16 surrogate (their JSON text had no escape: {@code JsonBodies.noEscapes}), so that
 *                     they need no escaping and no check for what PostgreSQL cannot store; false when not known
 */
public record IncomingBatch(String batchId, AgentInfo agent, List<JsonNode> events, boolean plainStrings) {

    public IncomingBatch {
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(agent, "agent");
        events = List.copyOf(Objects.requireNonNull(events, "events"));
    }

    /** A batch whose strings are checked and escaped one by one. */
    public IncomingBatch(String batchId, AgentInfo agent, List<JsonNode> events) {
        this(batchId, agent, events, false);
    }
}
