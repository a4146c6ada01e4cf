package io.habitus.model;

import java.util.List;
import java.util.Objects;

/**
 * The process that performed a transition's event: who it is ({@code exe <- parent exe}) and its
 * own last tokens before the event, oldest first. Read by encoding version 3.
 */
public record ActorState(String process, List<String> recentTokens) {

    public ActorState {
        if (process == null || process.isBlank()) {
            throw new IllegalArgumentException("actor process must not be blank");
        }
        recentTokens = List.copyOf(Objects.requireNonNull(recentTokens, "recentTokens"));
    }
}
