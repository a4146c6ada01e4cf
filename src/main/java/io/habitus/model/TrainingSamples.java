package io.habitus.model;

import io.habitus.model.internal.SampleCollector;
import io.habitus.model.sample.SampleRow;
import io.habitus.model.sample.SampleStore;
import io.habitus.model.sample.SampledTransition;
import io.habitus.profile.LearningTransitions;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Learning windows' training samples: collected from ingested transitions, read as the model's transitions with their counts. */
@Service
public class TrainingSamples {

    /** One transition of a sample and how often it occurred. */
    public record Sampled(Transition transition, long count) {}

    private final SampleStore store;
    private final SampleCollector collector;

    TrainingSamples(SampleStore store, SampleCollector collector) {
        this.store = store;
        this.collector = collector;
    }

    /** The pipeline's sampling step: adds each fed window's transitions to its sample, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void collect(List<LearningTransitions> fed) {
        fed.forEach(collector::collect);
    }

    @Transactional(readOnly = true)
    public List<Sampled> of(String digest, int window) {
        collector.flush();
        return store.load(digest, window).stream().map(TrainingSamples::sampled).toList();
    }

    private static Sampled sampled(SampleRow row) {
        SampledTransition t = row.transition();
        return new Sampled(new Transition(ContainerState.of(t.beforeProcesses(), t.beforeRecent()), t.event(),
                ContainerState.of(t.afterProcesses(), t.afterRecent()),
                t.actor() == null ? null : new ActorState(t.actor(), t.actorRecent())), row.count());
    }
}
