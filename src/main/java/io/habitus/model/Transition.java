package io.habitus.model;

import java.util.Objects;

/** The model's unit of learning and scoring: the state before an event, the event's token, the state after. */
public record Transition(ContainerState before, String event, ContainerState after) {

    public Transition {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (event == null || event.isBlank()) {
            throw new IllegalArgumentException("event token must not be blank");
        }
    }
}
