package io.habitus.eval.unm;

import java.util.List;
import java.util.Map;

/**
 * What one replay runs through Habitus and STIDE: a program's learning traces, its held-out normal
 * traces and its attack traces by kind (a kind counts as detected when any of its traces is
 * flagged), one image and one container per trace.
 *
 * @param name         short name used in the tables, the image's and the containers' ids
 * @param executable   the program's path, the {@code process.exe} of its events
 * @param syscalls     how the traces' call values become system calls
 * @param normalTraces how many normal traces there were before any subsampling (for the sizes table)
 */
record Corpus(String name, String executable, Syscalls syscalls, List<Trace> learning, List<Trace> heldOut,
        Map<String, List<Trace>> attacks, int normalTraces) {

    long learningCalls() {
        return calls(learning);
    }

    long heldOutCalls() {
        return calls(heldOut);
    }

    int attackTraces() {
        return attacks.values().stream().mapToInt(List::size).sum();
    }

    long calls() {
        return learningCalls() + heldOutCalls() + attacks.values().stream().mapToLong(Corpus::calls).sum();
    }

    private static long calls(List<Trace> traces) {
        return traces.stream().mapToLong(Trace::length).sum();
    }
}
