package io.habitus.model;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a container is doing at one moment: its live processes (executable paths) and its recent
 * tokens, oldest first. Processes are kept in natural order so that nothing downstream depends on
 * the iteration order of the caller's set.
 */
public record ContainerState(SortedSet<String> processes, List<String> recentTokens) {

    public static final ContainerState EMPTY = of(List.of(), List.of());

    public ContainerState {
        TreeSet<String> sorted = new TreeSet<>();
        sorted.addAll(processes);
        processes = Collections.unmodifiableSortedSet(sorted);
        recentTokens = List.copyOf(recentTokens);
    }

    public static ContainerState of(Collection<String> processes, List<String> recentTokens) {
        TreeSet<String> sorted = new TreeSet<>();
        sorted.addAll(processes);
        return new ContainerState(sorted, recentTokens);
    }
}
