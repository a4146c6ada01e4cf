package io.habitus.incident;

import io.habitus.behavior.ObservedTransition;
import io.habitus.incident.internal.EventSequences;
import io.habitus.incident.internal.IncidentProperties;
import io.habitus.incident.internal.SequenceFingerprint;
import io.habitus.incident.persistence.TraceStore;
import io.habitus.profile.LearningTransitions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pipeline's tracing step: keeps, per learning window, every container's sequence
 * fingerprints in event order (one row per batch and container), from which the window's container
 * detector learns and is calibrated. Up to {@code habitus.incident.max-traced-events} per window
 * (counted per replica, so several replicas may overshoot slightly); events past it are counted.
 */
@Service
public class LearningSequences {

    private final TraceStore store;
    private final IncidentProperties properties;
    private final Map<String, AtomicLong> traced = new ConcurrentHashMap<>();
    private final Counter untraced;

    LearningSequences(TraceStore store, IncidentProperties properties, MeterRegistry meters) {
        this.store = store;
        this.properties = properties;
        this.untraced = Counter.builder("habitus.incident.untraced")
                .description("Learning events whose sequences were not kept because their window's trace was full")
                .register(meters);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(List<LearningTransitions> fed) {
        for (LearningTransitions window : fed) {
            AtomicLong count = traced.computeIfAbsent(window.digest() + '\u0000' + window.window(),
                    w -> new AtomicLong(store.tracedEvents(window.digest(), window.window())));
            Map<String, List<ObservedTransition>> byContainer = new LinkedHashMap<>();
            for (ObservedTransition t : window.transitions()) {
                byContainer.computeIfAbsent(t.containerId(), c -> new ArrayList<>()).add(t);
            }
            List<TraceStore.TraceChunk> chunks = new ArrayList<>(byContainer.size());
            byContainer.forEach((container, transitions) -> {
                if (count.get() + transitions.size() > properties.maxTracedEvents()) {
                    untraced.increment(transitions.size());
                    return;
                }
                count.addAndGet(transitions.size());
                List<EventSequences> sequences = transitions.stream().map(this::sequences).toList();
                chunks.add(new TraceStore.TraceChunk(container, sequences.stream().mapToLong(EventSequences::sequence).toArray(),
                        sequences.stream().mapToLong(EventSequences::local).toArray(),
                        sequences.stream().mapToLong(EventSequences::action).toArray(),
                        transitions.stream().mapToLong(LearningSequences::pair).toArray()));
            });
            if (!chunks.isEmpty()) {
                store.append(window.digest(), window.window(), chunks);
            }
        }
    }

    /** The key of the pair (the container's previous token, this event's token) in the container's mix. */
    public static long pair(ObservedTransition t) {
        List<String> recent = t.before().recentTokens();
        return SequenceFingerprint.of("", recent.isEmpty() ? List.of() : List.of(recent.getLast()), t.tokens().token().text(), 2);
    }

    public EventSequences sequences(ObservedTransition t) {
        String process = t.actor().process();
        String token = t.tokens().token().text();
        return new EventSequences(SequenceFingerprint.of(process, t.before().recentTokens(), token, properties.sequenceLength()),
                SequenceFingerprint.local(process, t.actor().recentTokens(), token), SequenceFingerprint.action(process, token));
    }
}
