package io.habitus.behavior;

import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a container is doing at one moment: the executables of its live processes (generalised,
 * sorted) and its last tokens (oldest first).
 */
public record StateSnapshot(SortedSet<String> processes, List<String> recentTokens) {

    public static final StateSnapshot EMPTY = new StateSnapshot(new TreeSet<>(), List.of());

    public StateSnapshot {
        processes = Collections.unmodifiableSortedSet(new TreeSet<>(processes));
        recentTokens = List.copyOf(recentTokens);
    }
}
