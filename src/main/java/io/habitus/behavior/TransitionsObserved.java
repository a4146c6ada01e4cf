package io.habitus.behavior;

import java.util.List;

/**
 * Published inside ingest's transaction once the containers' states have advanced: the
 * transitions of a batch's accepted events, per container in event-time order. Learning, model
 * samples and judging listen to it, so that each event is tokenised and tracked once.
 */
public record TransitionsObserved(String batchId, boolean agentDroppedEvents, List<ObservedTransition> transitions) {

    public TransitionsObserved {
        transitions = List.copyOf(transitions);
    }
}
