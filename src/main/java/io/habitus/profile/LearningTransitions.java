package io.habitus.profile;

import io.habitus.behavior.ObservedTransition;
import java.util.List;

/**
 * Published inside ingest's transaction for each open learning window a batch fed: the window's
 * transitions, for whoever learns more than the allowlist from them (the model's training sample).
 */
public record LearningTransitions(String digest, int window, List<ObservedTransition> transitions) {

    public LearningTransitions {
        transitions = List.copyOf(transitions);
    }
}
