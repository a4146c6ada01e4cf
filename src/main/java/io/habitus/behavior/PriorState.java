package io.habitus.behavior;

import io.habitus.ingest.RuntimeEvent;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A state to start a what-if from instead of the tracked one. */
public sealed interface PriorState {

    /**
     * A state written down directly: executables of live processes and recent tokens, oldest first;
     * optionally live processes by pid with their parent and own last tokens, so that an event of
     * such a pid is judged as that process's next step (without them, every event's process is new).
     */
    record Given(List<String> processes, List<String> recentTokens, List<GivenProcess> pids) implements PriorState {
        public Given {
            processes = List.copyOf(processes);
            recentTokens = List.copyOf(recentTokens);
            pids = pids == null ? List.of() : List.copyOf(pids);
        }

        public Given(List<String> processes, List<String> recentTokens) {
            this(processes, recentTokens, List.of());
        }
    }

    /**
     * A live process of a given state.
     *
     * @param parent the parent's executable; null for unknown
     * @param recentTokens the process's own last tokens, oldest first
     */
    record GivenProcess(long pid, String executable, @Nullable String parent, List<String> recentTokens) {
        public GivenProcess {
            Objects.requireNonNull(executable, "executable");
            recentTokens = recentTokens == null ? List.of() : List.copyOf(recentTokens);
        }
    }

    /** Earlier events, replayed on an empty state in event-time order. */
    record Replayed(List<RuntimeEvent> events) implements PriorState {
        public Replayed {
            events = List.copyOf(events);
        }
    }
}
