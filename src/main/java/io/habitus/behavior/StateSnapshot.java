package io.habitus.behavior;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * What a container is doing at one moment: the executables of its live processes (generalised,
 * sorted, distinct) and its last tokens (oldest first). Immutable lists, shared between
 * consecutive transitions: one is built per event on the ingest path.
 */
public record StateSnapshot(List<String> processes, List<String> recentTokens) {

    public StateSnapshot {
        processes = List.copyOf(processes);
        recentTokens = List.copyOf(recentTokens);
        for (int i = 1; i < processes.size(); i++) {
            if (processes.get(i - 1).compareTo(processes.get(i)) >= 0) {
                throw new IllegalArgumentException("processes must be sorted and distinct: " + processes);
            }
        }
    }

    /** A snapshot of processes in any order, with duplicates. */
    public static StateSnapshot of(Collection<String> processes, List<String> recentTokens) {
        return new StateSnapshot(List.copyOf(new TreeSet<>(processes)), recentTokens);
    }
}
