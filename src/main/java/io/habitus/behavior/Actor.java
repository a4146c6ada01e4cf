package io.habitus.behavior;

import java.util.List;
import java.util.Objects;

/**
 * The process that performed an event, as the transition model sees it: its executable with the
 * executable of its parent ({@code exe <- parent}, parent {@code ?} when unknown; generalised,
 * like an exec token), so that a forked worker and its master differ although they run the same
 * binary; and its own last tokens before the event, oldest first (a child starts with its parent's,
 * as a forked process starts as a copy of its parent). Docs: docs/container-state.md.
 */
public record Actor(String process, List<String> recentTokens) {

    public Actor {
        Objects.requireNonNull(process, "process");
        recentTokens = List.copyOf(recentTokens);
    }

    public static String process(String executable, String parent) {
        return executable + Token.PARENT_SEPARATOR + parent;
    }
}
