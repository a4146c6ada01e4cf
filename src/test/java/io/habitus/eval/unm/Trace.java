package io.habitus.eval.unm;

import java.util.Objects;

/**
 * The system calls of one process, in execution order.
 *
 * @param source the file (or archive member) it was read from, relative to the data folder
 * @param pid    the process id inside that source
 * @param calls  system-call numbers, in order
 */
record Trace(String source, int pid, int[] calls) {

    Trace {
        Objects.requireNonNull(source);
        Objects.requireNonNull(calls);
    }

    /** Unique within a data set: sources hold several processes, and pids repeat across sources. */
    String id() {
        return source + "#" + pid;
    }

    int length() {
        return calls.length;
    }
}
