package io.habitus.behavior.internal;

import io.habitus.behavior.ObservedTransition;
import io.habitus.behavior.persistence.ContainerStateStore;
import io.habitus.behavior.persistence.StateRow;
import io.habitus.ingest.RuntimeEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Advances the states of a batch's containers inside the pipeline's transaction and returns the
 * transitions, per container in event-time order. Each container's events are applied in event-time order (a batch may list them out
 * of order); the stored state is locked first, so two replicas receiving batches of one
 * container apply them one after the other and the state does not depend on which replica got
 * which batch. A batch whose events are older than the stored state still applies them, after it:
 * agents deliver a container's events in order, and a late straggler is not worth a reorder buffer.
 */
@Component
public class StateTracker {

    private final ContainerStateStore store;
    private final StateReplayer replayer;
    private final RecentStates recent;
    private final Clock clock;

    StateTracker(ContainerStateStore store, StateReplayer replayer, RecentStates recent, Clock clock) {
        this.store = store;
        this.replayer = replayer;
        this.recent = recent;
        this.clock = clock;
    }

    public List<ObservedTransition> advance(List<RuntimeEvent> events) {
        Map<String, List<RuntimeEvent>> byContainer = new TreeMap<>();
        for (RuntimeEvent event : events) {
            byContainer.computeIfAbsent(event.container().id(), id -> new ArrayList<>()).add(event);
        }
        Map<String, StateRow> stored = recent.lockedStates(store.lockRevisions(byContainer.keySet()));
        Instant now = clock.instant();
        List<ObservedTransition> transitions = new ArrayList<>(events.size());
        List<StateRow> updated = new ArrayList<>(byContainer.size());
        byContainer.forEach((containerId, containerEvents) -> {
            LiveState state = replayer.resume(stored.get(containerId));
            replayer.advance(state, containerEvents, transitions);
            updated.add(new StateRow(containerId, containerEvents.getFirst().container().imageDigest(),
                    state.processes(), state.histories(), state.recent(), state.events, state.lastEventAt, now));
        });
        recent.committed(updated, store.save(updated));
        return transitions;
    }
}
