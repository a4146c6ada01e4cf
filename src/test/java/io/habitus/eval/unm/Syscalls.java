package io.habitus.eval.unm;

import tools.jackson.databind.node.ObjectNode;

/** How a trace's call values become system calls: the value itself as a number, or a corpus's vocabulary. */
interface Syscalls {

    /** UNM's traces: every value is a system-call number of the program's mapping. */
    Syscalls NUMBERS = new Syscalls() {
        @Override
        public String token(int call) {
            return Integer.toString(call);
        }

        @Override
        public void describe(int call, ObjectNode syscall) {
            syscall.put("nr", call);
        }
    };

    /** The call as a trace file of the replay layout writes it: a number or a name. */
    String token(int call);

    /** Fills an event's {@code syscall} object ({@code nr} or {@code name}). */
    void describe(int call, ObjectNode syscall);
}
