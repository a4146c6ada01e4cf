package io.habitus.profile;

import io.habitus.behavior.ObservedTransition;
import java.util.List;

/**
 * The transitions a batch fed into one open learning window, for whoever learns more than the
 * allowlist from them (the model's training sample).
 */
public record LearningTransitions(String digest, int window, List<ObservedTransition> transitions) {

    public LearningTransitions {
        transitions = List.copyOf(transitions);
    }
}
