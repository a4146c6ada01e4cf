package io.habitus.behavior;

import io.habitus.ingest.RuntimeEvent;
import java.util.Objects;

/**
 * One event with its token, the container's state just before and just after it, and the process
 * that performed it (with that process's own tokens before the event).
 */
public record ObservedTransition(RuntimeEvent event, TokenizedEvent tokens, StateSnapshot before, StateSnapshot after,
        Actor actor) {

    public ObservedTransition {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(actor, "actor");
    }

    public String digest() {
        return event.container().imageDigest();
    }

    public String containerId() {
        return event.container().id();
    }
}
