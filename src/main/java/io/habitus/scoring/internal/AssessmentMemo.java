package io.habitus.scoring.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.habitus.model.ActiveModels;
import io.habitus.model.Transition;
import io.habitus.model.TransitionModel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.stereotype.Component;

/**
 * Remembers recent assessments per model version and transition. A container in its steady state
 * repeats the same transitions (same state before, event, state after, acting process), and a
 * model version assesses an equal transition equally: encoding and scoring it again was about
 * half of the CPU time of judged ingest. Keys are the transition's full text ({@link
 * Transition#key()}), not a hash of it, so a remembered assessment is never another transition's.
 * Bounded by the keys' size ({@value #MAX_KEY_CHARS} characters in all: as many bytes for
 * Latin-1 tokens, plus about 150 bytes per entry); a new model version has keys of its own and the
 * old version's entries age out. Hit rates are in the cache metrics {@code habitus.scoring.assessments}.
 */
@Component
public class AssessmentMemo {

    static final long MAX_KEY_CHARS = 32_000_000;

    private record Key(String digest, int version, String transition) {}

    private final Cache<Key, TransitionModel.Assessment> assessments = Caffeine.newBuilder()
            .maximumWeight(MAX_KEY_CHARS)
            .weigher((Key key, TransitionModel.Assessment value) -> key.transition().length() + 64)
            .recordStats()
            .build();

    AssessmentMemo(MeterRegistry meters) {
        CaffeineCacheMetrics.monitor(meters, assessments, "habitus.scoring.assessments");
    }

    public TransitionModel.Assessment assess(ActiveModels.Active active, Transition transition) {
        return assessments.get(new Key(active.digest(), active.version(), transition.key()),
                key -> active.model().assess(transition));
    }
}
