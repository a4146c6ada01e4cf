package io.habitus.scoring;

import io.habitus.behavior.ObservedTransition;
import io.habitus.behavior.TransitionsObserved;
import io.habitus.ingest.EventsAccepted;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Judges the transitions of ingested events inside ingest's transaction: a deviation's audit is
 * durable exactly when its event is.
 */
@Component
class EventJudge {

    /** The rule kind of ANOMALOUS deviations: the transition as a whole, not one allowlist rule. */
    static final String TRANSITION = "TRANSITION";

    private final TransitionJudge judge;
    private final JudgementCapture capture;
    private final ApplicationEventPublisher events;

    EventJudge(TransitionJudge judge, JudgementCapture capture, ApplicationEventPublisher events) {
        this.judge = judge;
        this.capture = capture;
        this.events = events;
    }

    @EventListener
    void on(EventsAccepted accepted) {
        capture.accepted(accepted.events());
    }

    @EventListener
    void on(TransitionsObserved observed) {
        List<Judgement> judgements = judge.judge(observed.transitions(), Set.of());
        List<Deviation> deviations = judgements.stream().filter(Judgement::isDeviation).map(EventJudge::deviation).toList();
        if (!deviations.isEmpty()) {
            events.publishEvent(new DeviationsFound(deviations));
        }
        capture.judged(judgements);
    }

    static Deviation deviation(Judgement j) {
        ObservedTransition t = j.transition();
        boolean violation = j.breach() != null;
        return new Deviation(t.digest(), t.containerId(), t.event().container().node(), j.verdict(),
                violation ? j.breach().kind().name() : TRANSITION,
                violation ? j.breach().value() : t.tokens().token().text(),
                violation ? t.tokens().raw().value() : t.tokens().raw().text(),
                violation ? j.breach().reason() : j.explanation(),
                t.event(), t.event().time(), j.profile().version(), j.profile().checksum(),
                j.model() == null ? null : j.model().version(), j.score(), j.threshold(), t);
    }
}
