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
        processes = Collections.unmodifiableSortedSet(naturallySorted(processes));
        recentTokens = List.copyOf(recentTokens);
    }

    public static ContainerState of(Collection<String> processes, List<String> recentTokens) {
        return new ContainerState(naturallySorted(processes), recentTokens);
    }

    /** A copy in natural order: in linear time from a naturally sorted set, else sorted once. */
    private static TreeSet<String> naturallySorted(Collection<String> processes) {
        if (processes instanceof SortedSet<String> sorted && sorted.comparator() == null) {
            return new TreeSet<>(sorted);
        }
        TreeSet<String> copy = new TreeSet<>();
        copy.addAll(processes);
        return copy;
    }
}
