package io.habitus.bench.training;

import io.habitus.model.ContainerState;
import io.habitus.model.Transition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Replays lpr traces as one container would see them: a shell that starts lpr processes, up to
 * {@code concurrency} of them alive at once, their system calls interleaved by a seeded scheduler
 * in runs of 1–16 calls (the traces were recorded one process at a time; in a container the
 * state's recent tokens mix whatever runs). Tokens are what the product makes of these events:
 * {@code exec /usr/ucb/lpr <- /bin/sh}, {@code syscall #<nr>} (the agent knows only the number),
 * {@code exit /usr/ucb/lpr}. The result is the distinct transitions with how often each occurred.
 */
final class LprContainer {

    static final String SHELL = "/bin/sh";
    static final String START = "exec " + LprTraces.EXECUTABLE + " <- " + SHELL;
    static final String EXIT = "exit " + LprTraces.EXECUTABLE;

    private final int window;
    private final Random random;
    private final List<String> recent = new ArrayList<>();
    private final Map<Transition, Long> counts = new LinkedHashMap<>();
    private int live;

    private LprContainer(int window, long seed) {
        this.window = window;
        this.random = new Random(seed);
    }

    /** Distinct transitions in first-seen order with their counts. */
    static Map<Transition, Long> replay(List<int[]> traces, int concurrency, int window, long seed) {
        LprContainer container = new LprContainer(window, seed);
        container.run(traces, concurrency);
        return container.counts;
    }

    private void run(List<int[]> traces, int concurrency) {
        List<int[]> running = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        int next = 0;
        while (next < traces.size() || !running.isEmpty()) {
            while (running.size() < concurrency && next < traces.size()) {
                running.add(traces.get(next++));
                positions.add(0);
                event(START, +1);
            }
            int chosen = random.nextInt(running.size());
            int[] calls = running.get(chosen);
            int position = positions.get(chosen);
            int end = Math.min(calls.length, position + 1 + random.nextInt(16));
            for (; position < end; position++) {
                event("syscall #" + calls[position], 0);
            }
            positions.set(chosen, position);
            if (position == calls.length) {
                running.remove(chosen);
                positions.remove(chosen);
                event(EXIT, -1);
            }
        }
    }

    private void event(String token, int processDelta) {
        ContainerState before = state();
        live += processDelta;
        recent.add(token);
        if (recent.size() > window) {
            recent.removeFirst();
        }
        counts.merge(new Transition(before, token, state()), 1L, Long::sum);
    }

    private ContainerState state() {
        TreeSet<String> processes = new TreeSet<>(List.of(SHELL));
        if (live > 0) {
            processes.add(LprTraces.EXECUTABLE);
        }
        return ContainerState.of(processes, recent);
    }
}
