package io.habitus.behavior;

import io.habitus.behavior.internal.RecentStates;
import io.habitus.behavior.internal.LiveState;
import io.habitus.behavior.internal.StateReplayer;
import io.habitus.behavior.persistence.StateRow;
import io.habitus.ingest.RuntimeEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * What-if: the transitions events would make, advancing copies of the containers' states in memory
 * and storing nothing. The same {@link StateReplayer} as ingest, so a what-if from a state gives the
 * transitions that ingesting the same events on that state gives.
 */
@Service
public class TransitionPreview {

    private final RecentStates store;
    private final StateReplayer replayer;

    TransitionPreview(RecentStates store, StateReplayer replayer) {
        this.store = store;
        this.replayer = replayer;
    }

    /** From each container's tracked state (an untracked container starts empty), as {@link RecentStates} knows it. */
    public List<ObservedTransition> fromTrackedStates(List<RuntimeEvent> events) {
        Map<String, List<RuntimeEvent>> byContainer = byContainer(events);
        Map<String, StateRow> stored = store.read(byContainer.keySet());
        List<ObservedTransition> transitions = new ArrayList<>(events.size());
        byContainer.forEach((id, containerEvents) ->
                replayer.advance(replayer.resume(stored.get(id)), containerEvents, transitions));
        return transitions;
    }

    /** From a given prior state; the events are taken as one container's, whatever ids they name. */
    public List<ObservedTransition> fromPriorState(List<RuntimeEvent> events, PriorState prior) {
        LiveState state = switch (prior) {
            case PriorState.Given given -> replayer.given(given);
            case PriorState.Replayed replayed -> {
                LiveState fresh = replayer.fresh();
                replayer.advance(fresh, new ArrayList<>(replayed.events()), new ArrayList<>());
                yield fresh;
            }
        };
        List<ObservedTransition> transitions = new ArrayList<>(events.size());
        replayer.advance(state, new ArrayList<>(events), transitions);
        return transitions;
    }

    private static Map<String, List<RuntimeEvent>> byContainer(List<RuntimeEvent> events) {
        Map<String, List<RuntimeEvent>> byContainer = new LinkedHashMap<>();
        events.forEach(e -> byContainer.computeIfAbsent(e.container().id(), id -> new ArrayList<>()).add(e));
        return byContainer;
    }
}
