package io.habitus.behavior.internal;

import io.habitus.behavior.ObservedTransition;
import io.habitus.behavior.PriorState;
import io.habitus.behavior.Token;
import io.habitus.behavior.TokenizedEvent;
import io.habitus.behavior.Tokenizer;
import io.habitus.behavior.persistence.StateRow;
import io.habitus.ingest.RuntimeEvent;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The one way a container's state advances, shared by ingest (which stores the result) and what-if
 * scoring (which throws it away), so that both see the same transitions for the same events.
 */
@Component
public class StateReplayer {

    private final Tokenizer tokenizer;
    private final BehaviorProperties properties;

    StateReplayer(Tokenizer tokenizer, BehaviorProperties properties) {
        this.tokenizer = tokenizer;
        this.properties = properties;
    }

    public LiveState fresh() {
        return LiveState.empty(properties.maxProcesses(), properties.recentTokens(), properties.processTokens());
    }

    public LiveState resume(@Nullable StateRow row) {
        return row == null ? fresh() : new LiveState(row.processes(), row.histories(), row.recent(), row.events(),
                row.lastEventAt(), properties.maxProcesses(), properties.recentTokens(), properties.processTokens());
    }

    /**
     * A state given by a person: executables without pids, keyed so that no real pid can clash, and
     * processes by pid with their own tokens, taken as written (as the tracked state shows them).
     */
    public LiveState given(PriorState.Given given) {
        Map<String, String> byKey = new LinkedHashMap<>();
        given.processes().forEach(exe -> byKey.put("given:" + exe, exe));
        Map<String, ProcessHistory> histories = new HashMap<>();
        for (PriorState.GivenProcess p : given.pids()) {
            String pid = Long.toString(p.pid());
            byKey.put(pid, p.executable());
            histories.put(pid, new ProcessHistory(p.parent() == null || p.parent().isBlank() ? Token.UNKNOWN_PARENT
                    : p.parent(), p.recentTokens()));
        }
        return new LiveState(byKey, histories, given.recentTokens(), 0, null, properties.maxProcesses(),
                properties.recentTokens(), properties.processTokens());
    }

    /** Applies one container's events in event-time order (sorting the given list) and collects their transitions. */
    public void advance(LiveState state, List<RuntimeEvent> containerEvents, List<ObservedTransition> transitions) {
        if (containerEvents.isEmpty()) {
            return;
        }
        containerEvents.sort(Comparator.comparing(RuntimeEvent::time));
        Map<String, String> executables = new HashMap<>();
        Tokenizer.OfContainer container = tokenizer.forContainer(containerEvents.getFirst().container());
        for (RuntimeEvent event : containerEvents) {
            TokenizedEvent tokens = container.tokenize(event);
            String executable = executables.computeIfAbsent(event.process().exe(), exe -> container.executable(event));
            String parentExe = event.process().parentExe();
            String parent = parentExe == null || parentExe.isBlank() ? null
                    : executables.computeIfAbsent(parentExe, exe -> container.parentExecutable(event));
            transitions.add(state.advance(event, tokens, executable, parent));
        }
    }
}
