package io.habitus.profile;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.habitus.behavior.Token;
import io.habitus.behavior.TokenizedEvent;
import io.habitus.behavior.ObservedTransition;
import io.habitus.ingest.RuntimeEvent;
import io.habitus.profile.internal.ObservationStatistics;
import io.habitus.profile.internal.WindowFold;
import io.habitus.profile.persistence.LearningStore;
import io.habitus.profile.persistence.ObservationDelta;
import io.habitus.profile.persistence.ObservationStore;
import io.habitus.shared.database.AfterCommit;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pipeline's learning step: feeds open learning windows from the transitions of ingested
 * events, inside the pipeline's transaction. A token new to a window is
 * registered before the batch is acknowledged, so no acknowledged behaviour is missing from the
 * profile later. Counts go to {@link ObservationStatistics} once the batch committed. Tokens
 * this replica already registered are remembered, so that steady traffic writes nothing here.
 */
@Service
public class ObservationRecorder {

    private final LearningStore learning;
    private final ObservationStore observations;
    private final ObservationStatistics statistics;
    private final Clock clock;
    private final Cache<String, Boolean> registered = Caffeine.newBuilder().maximumSize(1_000_000).build();

    ObservationRecorder(LearningStore learning, ObservationStore observations, ObservationStatistics statistics,
            Clock clock) {
        this.learning = learning;
        this.observations = observations;
        this.statistics = statistics;
        this.clock = clock;
    }

    /**
     * Records the transitions of images whose learning window is open and returns them per
     * window, for whoever learns more than the allowlist from them (the model's training sample);
     * transitions of images that are not learning are left alone.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<LearningTransitions> record(List<ObservedTransition> transitions, boolean agentDroppedEvents) {
        Map<String, List<ObservedTransition>> byImage = new TreeMap<>();
        for (ObservedTransition transition : transitions) {
            byImage.computeIfAbsent(transition.digest(), d -> new ArrayList<>()).add(transition);
        }
        Map<String, Integer> open = new TreeMap<>(learning.openWindows(byImage.keySet(), clock.instant()));
        if (open.isEmpty()) {
            return List.of();
        }
        Map<String, WindowFold> folds = new HashMap<>();
        List<String> newlyRegistered = new ArrayList<>();
        List<LearningTransitions> fed = new ArrayList<>(open.size());
        open.forEach((digest, window) -> {
            WindowFold fold = fold(byImage.get(digest));
            folds.put(digest, fold);
            register(digest, window, fold, newlyRegistered);
            if (agentDroppedEvents) {
                learning.markPartial(digest, window);
            }
            fed.add(new LearningTransitions(digest, window, byImage.get(digest)));
        });
        AfterCommit.run(() -> {
            newlyRegistered.forEach(key -> registered.put(key, Boolean.TRUE));
            open.forEach((digest, window) -> statistics.add(digest, window, folds.get(digest)));
        });
        return fed;
    }

    private WindowFold fold(List<ObservedTransition> transitions) {
        WindowFold fold = new WindowFold();
        for (ObservedTransition transition : transitions) {
            RuntimeEvent event = transition.event();
            TokenizedEvent tokenized = transition.tokens();
            Token token = tokenized.token().kind().inProfile() ? tokenized.token() : null;
            fold.add(event.time(), event.container().id(), event.container().node(), token, tokenized.raw().value());
        }
        return fold;
    }

    private void register(String digest, int window, WindowFold fold, List<String> newlyRegistered) {
        List<ObservationDelta> unknown = new ArrayList<>();
        fold.tokens.forEach((token, tokenFold) -> {
            String key = digest + '\u0000' + window + '\u0000' + token.text();
            if (registered.getIfPresent(key) == null) {
                unknown.add(tokenFold.delta(token));
                newlyRegistered.add(key);
            }
        });
        if (unknown.isEmpty()) {
            return;
        }
        List<Instant> fresh = observations.registerTokens(digest, window, unknown);
        if (!fresh.isEmpty()) {
            learning.newTokens(digest, window, fresh.size(), fresh.stream().max(Instant::compareTo).orElseThrow());
        }
    }
}
