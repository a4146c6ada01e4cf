package io.habitus.pipeline.internal;

import io.habitus.behavior.PriorState;
import io.habitus.ingest.AgentInfo;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A request to score events.
 *
 * @param events      raw events, validated all together
 * @param commit      advance states, store and audit (an ingest) or only answer (a what-if)
 * @param prior       a state to start from instead of the tracked one (what-if only); null for none
 * @param priorEvents raw earlier events to replay into the starting state (what-if only); null or empty for none
 * @param batchId     idempotency key of a committed call; null to have one generated
 * @param plainStrings whether the events' JSON text had no escape ({@code IncomingBatch#plainStrings})
 */
public record ScoreCall(List<JsonNode> events, boolean commit, PriorState.@Nullable Given prior,
        @Nullable List<JsonNode> priorEvents, @Nullable String batchId, AgentInfo agent, boolean plainStrings) {

    public ScoreCall {
        events = List.copyOf(Objects.requireNonNull(events, "events"));
        // Generated clients send an empty list for an unset array: no prior events is no prior state.
        priorEvents = priorEvents == null || priorEvents.isEmpty() ? null : List.copyOf(priorEvents);
        Objects.requireNonNull(agent, "agent");
    }

    public boolean hasPrior() {
        return prior != null || priorEvents != null;
    }
}
