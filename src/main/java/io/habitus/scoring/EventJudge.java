package io.habitus.scoring;

import io.habitus.behavior.TokenizedEvent;
import io.habitus.behavior.Tokenizer;
import io.habitus.ingest.EventsAccepted;
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
 * Judges ingested events of images with an active profile, inside ingest's transaction: a
 * deviation's audit is durable exactly when its event is.
 */
@Component
class EventJudge {

    private final ActiveProfiles activeProfiles;
    private final Tokenizer tokenizer;
    private final ApplicationEventPublisher events;

    EventJudge(ActiveProfiles activeProfiles, Tokenizer tokenizer, ApplicationEventPublisher events) {
        this.activeProfiles = activeProfiles;
        this.tokenizer = tokenizer;
        this.events = events;
    }

    @EventListener
    void on(EventsAccepted accepted) {
        Set<String> digests = new LinkedHashSet<>();
        accepted.events().forEach(e -> digests.add(e.container().imageDigest()));
        Map<String, ActiveProfile> profiles = activeProfiles.forDigests(digests);
        if (profiles.isEmpty()) {
            return;
        }
        List<Deviation> deviations = new ArrayList<>();
        for (RuntimeEvent event : accepted.events()) {
            ActiveProfile profile = profiles.get(event.container().imageDigest());
            if (profile != null) {
                judge(event, profile).ifPresent(deviations::add);
            }
        }
        if (!deviations.isEmpty()) {
            events.publishEvent(new DeviationsFound(deviations));
        }
    }

    private Optional<Deviation> judge(RuntimeEvent event, ActiveProfile profile) {
        TokenizedEvent tokenized = tokenizer.tokenize(event);
        Optional<RuleBreach> breach = profile.check(tokenized.token());
        return breach.map(b -> new Deviation(profile.digest().value(), event.container().id(), event.container().node(),
                Verdict.VIOLATION, b.kind().name(), b.value(), tokenized.raw().value(), b.reason(), event, event.time(),
                profile.version(), profile.checksum(), null, null, null));
    }
}
