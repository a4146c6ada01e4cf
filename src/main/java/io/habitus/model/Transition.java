package io.habitus.model;

import java.util.Objects;

/**
 * The model's unit of learning and scoring: the state before an event, the event's token, the state
 * after, and the process that performed the event ({@code actor}; null where it was not recorded,
 * e.g. transitions sampled before it was kept: encoding version 3 then leaves its groups empty).
 */
public record Transition(ContainerState before, String event, ContainerState after, ActorState actor) {

    public Transition {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (event == null || event.isBlank()) {
            throw new IllegalArgumentException("event token must not be blank");
        }
    }

    /** A transition without its acting process. */
    public Transition(ContainerState before, String event, ContainerState after) {
        this(before, event, after, null);
    }
}
