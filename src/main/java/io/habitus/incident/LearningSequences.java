package io.habitus.incident;

import io.habitus.behavior.ObservedTransition;
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
            Map<String, List<Long>> byContainer = new LinkedHashMap<>();
            for (ObservedTransition t : window.transitions()) {
                byContainer.computeIfAbsent(t.containerId(), c -> new ArrayList<>()).add(fingerprint(t));
            }
            List<TraceStore.TraceChunk> chunks = new ArrayList<>(byContainer.size());
            byContainer.forEach((container, fingerprints) -> {
                if (count.get() + fingerprints.size() > properties.maxTracedEvents()) {
                    untraced.increment(fingerprints.size());
                    return;
                }
                count.addAndGet(fingerprints.size());
                chunks.add(new TraceStore.TraceChunk(container, fingerprints.stream().mapToLong(Long::longValue).toArray()));
            });
            if (!chunks.isEmpty()) {
                store.append(window.digest(), window.window(), chunks);
            }
        }
    }

    long fingerprint(ObservedTransition t) {
        return SequenceFingerprint.of(t.actor().process(), t.before().recentTokens(), t.tokens().token().text(),
                properties.sequenceLength());
    }
}
