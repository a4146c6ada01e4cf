package io.habitus.behavior;

import io.habitus.ingest.EventType;
import io.habitus.ingest.RuntimeEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A container's state while a batch advances it: live processes by pid (insertion-ordered, so
 * the oldest are forgotten first when there are too many) and the last k tokens.
 *
 * <p>Rules: {@code process.exec} starts (or, for a known pid, replaces) a process;
 * {@code process.exit} ends it; any other event of an unknown pid shows that process is alive.
 * Every event's token joins the recent tokens.
 */
final class LiveState {

    private final LinkedHashMap<String, String> processes;
    private final ArrayDeque<String> recent;
    private final int maxProcesses;
    private final int maxRecent;
    long events;
    Instant lastEventAt;
    private List<String> processList;
    private StateSnapshot current;

    LiveState(Map<String, String> processes, List<String> recent, long events, Instant lastEventAt, int maxProcesses,
            int maxRecent) {
        this.processes = new LinkedHashMap<>(processes);
        this.recent = new ArrayDeque<>(recent);
        this.events = events;
        this.lastEventAt = lastEventAt;
        this.maxProcesses = maxProcesses;
        this.maxRecent = maxRecent;
        trim();
        this.processList = sortedProcesses();
        this.current = new StateSnapshot(processList, List.copyOf(this.recent));
    }

    static LiveState empty(int maxProcesses, int maxRecent) {
        return new LiveState(Map.of(), List.of(), 0, null, maxProcesses, maxRecent);
    }

    ObservedTransition advance(RuntimeEvent event, TokenizedEvent tokens, String executable) {
        StateSnapshot before = current;
        String pid = event.process().pid() != null ? event.process().pid().toString() : "exe:" + executable;
        boolean changed;
        if (event.type() == EventType.PROCESS_EXEC) {
            processes.remove(pid);
            changed = true;
            processes.put(pid, executable);
        } else if (event.type() == EventType.PROCESS_EXIT) {
            changed = processes.remove(pid) != null;
        } else {
            changed = processes.putIfAbsent(pid, executable) == null;
        }
        recent.addLast(tokens.token().text());
        events++;
        lastEventAt = lastEventAt == null || event.time().isAfter(lastEventAt) ? event.time() : lastEventAt;
        trim();
        if (changed) {
            processList = sortedProcesses();
        }
        current = new StateSnapshot(processList, List.copyOf(recent));
        return new ObservedTransition(event, tokens, before, current);
    }

    private List<String> sortedProcesses() {
        return List.copyOf(new TreeSet<>(processes.values()));
    }

    Map<String, String> processes() {
        return processes;
    }

    List<String> recent() {
        return List.copyOf(recent);
    }

    private void trim() {
        for (Iterator<String> it = processes.keySet().iterator(); processes.size() > maxProcesses && it.hasNext();) {
            it.next();
            it.remove();
        }
        while (recent.size() > maxRecent) {
            recent.removeFirst();
        }
    }
}
