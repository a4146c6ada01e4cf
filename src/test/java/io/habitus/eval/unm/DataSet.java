package io.habitus.eval.unm;

import java.util.List;
import java.util.Map;

/**
 * One program's normal and intrusion traces, as read from the data folder.
 *
 * @param name       short name used in the tables (e.g. {@code lpr-mit})
 * @param executable the program's path, the {@code process.exe} of its events
 * @param normal     every normal trace
 * @param intrusions intrusion traces by intrusion file (a file counts as detected when any of its traces is flagged)
 */
record DataSet(String name, String executable, List<Trace> normal, Map<String, List<Trace>> intrusions) {

    long normalCalls() {
        return normal.stream().mapToLong(Trace::length).sum();
    }
}
