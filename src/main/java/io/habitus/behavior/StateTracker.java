package io.habitus.behavior;

import io.habitus.behavior.persistence.ContainerStateStore;
import io.habitus.behavior.persistence.StateRow;
import io.habitus.ingest.EventsAccepted;
import io.habitus.ingest.RuntimeEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Advances the states of a batch's containers inside ingest's transaction and announces the
 * transitions. Each container's events are applied in event-time order (a batch may list them out
 * of order); the stored state is locked first, so two replicas receiving batches of one
 * container apply them one after the other and the state does not depend on which replica got
 * which batch. A batch whose events are older than the stored state still applies them, after it:
 * agents deliver a container's events in order, and a late straggler is not worth a reorder buffer.
 */
@Component
class StateTracker {

    private final ContainerStateStore store;
    private final Tokenizer tokenizer;
    private final BehaviorProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StateTracker(ContainerStateStore store, Tokenizer tokenizer, BehaviorProperties properties,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.tokenizer = tokenizer;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(EventsAccepted accepted) {
        Map<String, List<RuntimeEvent>> byContainer = new TreeMap<>();
        for (RuntimeEvent event : accepted.events()) {
            byContainer.computeIfAbsent(event.container().id(), id -> new ArrayList<>()).add(event);
        }
        Map<String, StateRow> stored = store.lock(byContainer.keySet());
        Instant now = clock.instant();
        List<ObservedTransition> transitions = new ArrayList<>(accepted.events().size());
        List<StateRow> updated = new ArrayList<>(byContainer.size());
        byContainer.forEach((containerId, containerEvents) -> {
            StateRow row = stored.get(containerId);
            LiveState state = row == null ? LiveState.empty(properties.maxProcesses(), properties.recentTokens())
                    : new LiveState(row.processes(), row.recent(), row.events(), row.lastEventAt(),
                            properties.maxProcesses(), properties.recentTokens());
            containerEvents.sort(Comparator.comparing(RuntimeEvent::time));
            Map<String, String> executables = new HashMap<>();
            for (RuntimeEvent event : containerEvents) {
                TokenizedEvent tokens = tokenizer.tokenize(event);
                String executable = executables.computeIfAbsent(event.process().exe(), exe -> tokenizer.executable(event));
                transitions.add(state.advance(event, tokens, executable));
            }
            updated.add(new StateRow(containerId, containerEvents.getFirst().container().imageDigest(),
                    state.processes(), state.recent(), state.events, state.lastEventAt, now));
        });
        store.save(updated);
        events.publishEvent(new TransitionsObserved(accepted.batchId(), accepted.agentDroppedEvents(), transitions));
    }
}
