package io.habitus.eval.unm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A trace as Habitus events: the {@code process.exec} that starts the program, then one
 * {@code syscall} event per call (by number or name, as the corpus's {@link Syscalls} say), one
 * millisecond apart, all in one container of the program's image.
 */
final class TraceEvents {

    private TraceEvents() {
    }

    /** The trace's events in order, cut into chunks of at most {@code chunk} events. */
    static List<ArrayNode> of(JsonMapper json, Trace trace, Syscalls syscalls, String image, String digest,
            String containerId, String executable, Instant start, int chunk) {
        List<ArrayNode> chunks = new ArrayList<>();
        ArrayNode current = json.createArrayNode();
        int pid = trace.pid() > 0 ? trace.pid() : 1;
        for (int i = -1; i < trace.length(); i++) {
            ObjectNode event = current.addObject();
            event.put("time", start.plusMillis(i + 1L).toString());
            event.put("type", i < 0 ? "process.exec" : "syscall");
            event.putObject("container").put("id", containerId).put("image", image).put("imageDigest", digest)
                    .put("node", "unm-replay");
            ObjectNode process = event.putObject("process").put("pid", pid).put("exe", executable);
            if (i < 0) {
                process.putArray("args").add(executable.substring(executable.lastIndexOf('/') + 1));
            } else {
                syscalls.describe(trace.calls()[i], event.putObject("syscall"));
            }
            if (current.size() == chunk) {
                chunks.add(current);
                current = json.createArrayNode();
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }
}
