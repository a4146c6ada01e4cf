package io.habitus.behavior;

import io.habitus.ingest.RuntimeEvent;
import java.util.Objects;

/** One event with its token and the container's state just before and just after it. */
public record ObservedTransition(RuntimeEvent event, TokenizedEvent tokens, StateSnapshot before, StateSnapshot after) {

    public ObservedTransition {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    public String digest() {
        return event.container().imageDigest();
    }

    public String containerId() {
        return event.container().id();
    }
}
