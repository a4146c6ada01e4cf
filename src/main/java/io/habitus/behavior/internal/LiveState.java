package io.habitus.behavior.internal;

import io.habitus.behavior.Actor;
import io.habitus.behavior.ObservedTransition;
import io.habitus.behavior.StateSnapshot;
import io.habitus.behavior.Token;
import io.habitus.behavior.TokenizedEvent;
import io.habitus.ingest.EventType;
import io.habitus.ingest.RuntimeEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A container's state while a batch advances it: live processes by pid (insertion-ordered, so
 * the oldest are forgotten first when there are too many), each with its parent's executable and
 * its own last tokens, and the container's last k tokens.
 *
 * <p>Rules: {@code process.exec} starts (or, for a known pid, replaces) a process;
 * {@code process.exit} ends it; any other event of an unknown pid shows that process is alive.
 * Every event's token joins the recent tokens, and its process's own. A process's parent is fixed
 * when it is first seen or execs: the event's parent executable, else the executable of its ppid
 * if that is live, else unknown ({@code ?}). A process first seen starts with its ppid's own tokens
 * (a forked child is a copy of its parent); an {@code execve} in place keeps its pid's tokens.
 */
public final class LiveState {

    private final LinkedHashMap<String, String> processes;
    private final LinkedHashMap<String, ProcessHistory> histories;
    private final ArrayDeque<String> recent;
    private final int maxProcesses;
    private final int maxRecent;
    private final int maxProcessTokens;
    long events;
    @Nullable Instant lastEventAt;
    private List<String> processList;
    private StateSnapshot current;

    LiveState(Map<String, String> processes, Map<String, ProcessHistory> histories, List<String> recent, long events,
            @Nullable Instant lastEventAt, int maxProcesses, int maxRecent, int maxProcessTokens) {
        this.processes = new LinkedHashMap<>(processes);
        this.histories = new LinkedHashMap<>();
        // Only live processes have histories, in the processes' order (rows before histories have none).
        this.processes.keySet().forEach(pid -> {
            ProcessHistory history = histories.get(pid);
            if (history != null) {
                this.histories.put(pid, history);
            }
        });
        this.recent = new ArrayDeque<>(recent);
        this.events = events;
        this.lastEventAt = lastEventAt;
        this.maxProcesses = maxProcesses;
        this.maxRecent = maxRecent;
        this.maxProcessTokens = maxProcessTokens;
        trim();
        this.processList = sortedProcesses();
        this.current = new StateSnapshot(processList, List.copyOf(this.recent));
    }

    static LiveState empty(int maxProcesses, int maxRecent, int maxProcessTokens) {
        return new LiveState(Map.of(), Map.of(), List.of(), 0, null, maxProcesses, maxRecent, maxProcessTokens);
    }

    /**
     * @param parentExecutable the generalised executable of the event's parent process; null when the event names none
     */
    ObservedTransition advance(RuntimeEvent event, TokenizedEvent tokens, String executable,
            @Nullable String parentExecutable) {
        StateSnapshot before = current;
        String pid = event.process().pid() != null ? event.process().pid().toString() : "exe:" + executable;
        String ppid = event.process().ppid() != null ? event.process().ppid().toString() : null;
        boolean exec = event.type() == EventType.PROCESS_EXEC;
        ProcessHistory known = histories.get(pid);
        String parent = parent(known, pid, ppid, exec, parentExecutable);
        // A process first seen starts with its parent's own tokens: a forked child is a copy of its parent.
        ProcessHistory inherited = known != null || ppid == null || ppid.equals(pid) ? null : histories.get(ppid);
        Actor actor = new Actor(Actor.process(executable, parent),
                known != null ? known.recent() : inherited != null ? inherited.recent() : List.of());
        boolean changed;
        if (event.type() == EventType.PROCESS_EXEC) {
            processes.remove(pid);
            histories.remove(pid);
            changed = true;
            processes.put(pid, executable);
        } else if (event.type() == EventType.PROCESS_EXIT) {
            changed = processes.remove(pid) != null;
        } else {
            changed = processes.putIfAbsent(pid, executable) == null;
        }
        String token = tokens.token().text();
        if (event.type() == EventType.PROCESS_EXIT) {
            histories.remove(pid);
        } else {
            histories.put(pid, new ProcessHistory(parent, appended(actor.recentTokens(), token)));
        }
        recent.addLast(token);
        events++;
        lastEventAt = lastEventAt == null || event.time().isAfter(lastEventAt) ? event.time() : lastEventAt;
        trim();
        if (changed) {
            processList = sortedProcesses();
        }
        current = new StateSnapshot(processList, List.copyOf(recent));
        return new ObservedTransition(event, tokens, before, current, actor);
    }

    /** Who a process is: fixed when it is first seen or execs (an exec in place keeps its parent when none is given). */
    private String parent(@Nullable ProcessHistory known, String pid, @Nullable String ppid, boolean exec,
            @Nullable String parentExecutable) {
        if (known != null && !exec) {
            return known.parent();
        }
        if (parentExecutable != null) {
            return parentExecutable;
        }
        if (ppid != null && !ppid.equals(pid) && processes.containsKey(ppid)) {
            return processes.get(ppid);
        }
        return known != null ? known.parent() : Token.UNKNOWN_PARENT;
    }

    private List<String> appended(List<String> tokens, String token) {
        List<String> next = new ArrayList<>(Math.min(tokens.size() + 1, maxProcessTokens));
        for (int i = Math.max(0, tokens.size() + 1 - maxProcessTokens); i < tokens.size(); i++) {
            next.add(tokens.get(i));
        }
        next.add(token);
        return next;
    }

    private List<String> sortedProcesses() {
        return List.copyOf(new TreeSet<>(processes.values()));
    }

    Map<String, String> processes() {
        return processes;
    }

    Map<String, ProcessHistory> histories() {
        return histories;
    }

    List<String> recent() {
        return List.copyOf(recent);
    }

    private void trim() {
        for (Iterator<String> it = processes.keySet().iterator(); processes.size() > maxProcesses && it.hasNext();) {
            histories.remove(it.next());
            it.remove();
        }
        while (recent.size() > maxRecent) {
            recent.removeFirst();
        }
    }
}
