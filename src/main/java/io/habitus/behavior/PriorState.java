package io.habitus.behavior;

import io.habitus.ingest.RuntimeEvent;
import java.util.List;

/** A state to start a what-if from instead of the tracked one. */
public sealed interface PriorState {

    /** A state written down directly: executables of live processes and recent tokens, oldest first. */
    record Given(List<String> processes, List<String> recentTokens) implements PriorState {
        public Given {
            processes = List.copyOf(processes);
            recentTokens = List.copyOf(recentTokens);
        }
    }

    /** Earlier events, replayed on an empty state in event-time order. */
    record Replayed(List<RuntimeEvent> events) implements PriorState {
        public Replayed {
            events = List.copyOf(events);
        }
    }
}
