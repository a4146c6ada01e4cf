package io.habitus.scoring;

import io.habitus.behavior.ObservedTransition;
import io.habitus.behavior.TokenizedEvent;
import io.habitus.behavior.TransitionsObserved;
import io.habitus.ingest.RuntimeEvent;
import io.habitus.model.ActiveModels;
import io.habitus.model.ContainerState;
import io.habitus.model.Transition;
import io.habitus.model.TransitionModel;
import io.habitus.profile.ActiveProfile;
import io.habitus.profile.ActiveProfiles;
import io.habitus.profile.RuleBreach;
import io.habitus.shared.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Judges the transitions of ingested events of images with an active profile, inside ingest's transaction: a
 * deviation's audit is durable exactly when its event is.
 */
@Component
class EventJudge {

    /** The rule kind of ANOMALOUS deviations: the transition as a whole, not one allowlist rule. */
    static final String TRANSITION = "TRANSITION";

    private final ActiveProfiles activeProfiles;
    private final ActiveModels activeModels;
    private final ApplicationEventPublisher events;

    EventJudge(ActiveProfiles activeProfiles, ActiveModels activeModels, ApplicationEventPublisher events) {
        this.activeProfiles = activeProfiles;
        this.activeModels = activeModels;
        this.events = events;
    }

    @EventListener
    void on(TransitionsObserved observed) {
        Set<String> digests = new LinkedHashSet<>();
        observed.transitions().forEach(t -> digests.add(t.digest()));
        Map<String, ActiveProfile> profiles = activeProfiles.forDigests(digests);
        if (profiles.isEmpty()) {
            return;
        }
        Map<String, ActiveModels.Active> models = activeModels.forDigests(profiles.keySet());
        List<Deviation> deviations = new ArrayList<>();
        for (ObservedTransition transition : observed.transitions()) {
            ActiveProfile profile = profiles.get(transition.digest());
            if (profile != null) {
                Optional<Deviation> violation = judge(transition.event(), transition.tokens(), profile);
                if (violation.isPresent()) {
                    deviations.add(violation.get());
                } else if (models.containsKey(transition.digest())) {
                    score(transition, profile, models.get(transition.digest())).ifPresent(deviations::add);
                }
            }
        }
        if (!deviations.isEmpty()) {
            events.publishEvent(new DeviationsFound(deviations));
        }
    }

    /** Inside the profile; is the transition normal for the image's model? */
    private Optional<Deviation> score(ObservedTransition t, ActiveProfile profile, ActiveModels.Active active) {
        TransitionModel model = active.model();
        double score = model.score(new Transition(ContainerState.of(t.before().processes(), t.before().recentTokens()),
                t.tokens().token().text(), ContainerState.of(t.after().processes(), t.after().recentTokens())));
        if (!model.isAnomalous(score)) {
            return Optional.empty();
        }
        List<String> recent = t.before().recentTokens();
        String reason = "transition scored %.2f, below the threshold %.2f of model version %d: %s after %s".formatted(
                score, model.threshold(), active.version(), t.tokens().token().text(),
                recent.subList(Math.max(0, recent.size() - 3), recent.size()));
        return Optional.of(new Deviation(profile.digest().value(), t.containerId(), t.event().container().node(),
                Verdict.ANOMALOUS, TRANSITION, t.tokens().token().text(), t.tokens().raw().text(), reason, t.event(),
                t.event().time(), profile.version(), profile.checksum(), active.version(), score, model.threshold()));
    }

    private Optional<Deviation> judge(RuntimeEvent event, TokenizedEvent tokenized, ActiveProfile profile) {
        Optional<RuleBreach> breach = profile.check(tokenized.token());
        return breach.map(b -> new Deviation(profile.digest().value(), event.container().id(), event.container().node(),
                Verdict.VIOLATION, b.kind().name(), b.value(), tokenized.raw().value(), b.reason(), event, event.time(),
                profile.version(), profile.checksum(), null, null, null));
    }
}
