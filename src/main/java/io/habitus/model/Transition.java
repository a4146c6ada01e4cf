package io.habitus.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The model's unit of learning and scoring: the state before an event, the event's token, the state
 * after, and the process that performed the event ({@code actor}; null where it was not recorded,
 * e.g. transitions sampled before it was kept: encoding version 3 then leaves its groups empty).
 */
public record Transition(ContainerState before, String event, ContainerState after, @Nullable ActorState actor) {

    public Transition {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (event == null || event.isBlank()) {
            throw new IllegalArgumentException("event token must not be blank");
        }
    }

    /**
     * Every part of the transition in one string, each item prefixed by its length (so no token
     * text can be mistaken for a separator): equal transitions, and only they, have equal keys.
     * What the encoding reads, so a model gives equal keys equal assessments.
     */
    public String key() {
        StringBuilder out = new StringBuilder(512);
        part(out, before.processes());
        part(out, before.recentTokens());
        item(out, event);
        part(out, after.processes());
        part(out, after.recentTokens());
        if (actor != null) {
            item(out, actor.process());
            part(out, actor.recentTokens());
        } else {
            out.append('-');
        }
        return out.toString();
    }

    private static void part(StringBuilder out, java.util.Collection<String> items) {
        out.append('[').append(items.size()).append(']');
        items.forEach(item -> item(out, item));
    }

    private static void item(StringBuilder out, String item) {
        out.append(item.length()).append(':').append(item);
    }

    /** A transition without its acting process. */
    public Transition(ContainerState before, String event, ContainerState after) {
        this(before, event, after, null);
    }
}
