package io.habitus.scoring;

import io.habitus.behavior.ObservedTransition;
import io.habitus.behavior.TokenizedEvent;
import io.habitus.behavior.TransitionsObserved;
import io.habitus.ingest.RuntimeEvent;
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

    private final ActiveProfiles activeProfiles;
    private final ApplicationEventPublisher events;

    EventJudge(ActiveProfiles activeProfiles, ApplicationEventPublisher events) {
        this.activeProfiles = activeProfiles;
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
        List<Deviation> deviations = new ArrayList<>();
        for (ObservedTransition transition : observed.transitions()) {
            ActiveProfile profile = profiles.get(transition.digest());
            if (profile != null) {
                judge(transition.event(), transition.tokens(), profile).ifPresent(deviations::add);
            }
        }
        if (!deviations.isEmpty()) {
            events.publishEvent(new DeviationsFound(deviations));
        }
    }

    private Optional<Deviation> judge(RuntimeEvent event, TokenizedEvent tokenized, ActiveProfile profile) {
        Optional<RuleBreach> breach = profile.check(tokenized.token());
        return breach.map(b -> new Deviation(profile.digest().value(), event.container().id(), event.container().node(),
                Verdict.VIOLATION, b.kind().name(), b.value(), tokenized.raw().value(), b.reason(), event, event.time(),
                profile.version(), profile.checksum(), null, null, null));
    }
}
