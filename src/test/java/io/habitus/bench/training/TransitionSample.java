package io.habitus.bench.training;

import io.habitus.model.ContainerState;
import io.habitus.model.Transition;
import io.habitus.model.internal.FeatureSpec;
import io.habitus.model.internal.SparseVector;
import io.habitus.model.internal.TransitionEncoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Distinct transition vectors of the replayed lpr container, encoded with the product's default
 * {@link FeatureSpec}, in a seeded random order: the first n are the training set of size n, so
 * the sets of the different sizes are nested. Also makes probes the model has not seen.
 */
final class TransitionSample {

    final List<Transition> transitions;
    final List<SparseVector> vectors;
    final long replayed;
    final int traces;
    private final TransitionEncoder encoder;
    private final String origin;
    private final List<String> syscalls;

    private TransitionSample(List<Transition> transitions, List<SparseVector> vectors, long replayed, int traces,
            TransitionEncoder encoder, List<String> syscalls, String origin) {
        this.transitions = transitions;
        this.vectors = vectors;
        this.replayed = replayed;
        this.traces = traces;
        this.encoder = encoder;
        this.syscalls = syscalls;
        this.origin = origin;
    }

    static TransitionSample load(Path dataFolder, int concurrency, long seed) throws IOException {
        List<int[]> traces = LprTraces.read(dataFolder);
        FeatureSpec spec = FeatureSpec.defaults();
        Map<Transition, Long> counts = LprContainer.replay(traces, concurrency, spec.window(), seed);
        TransitionEncoder encoder = new TransitionEncoder(spec);
        // Different transitions can hash to the same vector; the trainer sees vectors, so keep one of each.
        Map<SparseVector, Transition> distinct = new LinkedHashMap<>();
        TreeSet<String> syscalls = new TreeSet<>();
        for (Transition transition : counts.keySet()) {
            distinct.putIfAbsent(encoder.encode(transition), transition);
            if (transition.event().startsWith("syscall ")) {
                syscalls.add(transition.event());
            }
        }
        List<Map.Entry<SparseVector, Transition>> entries = new ArrayList<>(distinct.entrySet());
        Collections.shuffle(entries, new Random(seed));
        long replayed = counts.values().stream().mapToLong(Long::longValue).sum();
        return new TransitionSample(entries.stream().map(Map.Entry::getValue).toList(),
                entries.stream().map(Map.Entry::getKey).toList(), replayed, traces.size(), encoder,
                List.copyOf(syscalls), "lpr concurrency=" + concurrency + " seed=" + seed + " spec=" + spec.toMap());
    }

    /** What the sample was made from, enough to tell whether a model trained on it can be reused. */
    String describe() {
        return origin + " traces=" + traces + " distinct=" + vectors.size();
    }

    List<SparseVector> first(int n) {
        if (n > vectors.size()) {
            throw new IllegalArgumentException("only " + vectors.size() + " distinct vectors, asked for " + n);
        }
        return vectors.subList(0, n);
    }

    /**
     * {@code count} vectors near the first {@code n}: half are one of them with the event replaced
     * by another system call of the program (an unusual call in a known context), half one of them
     * with Gaussian noise of σ = 0.05 on every value.
     */
    List<SparseVector> perturbed(int n, int count, long seed) {
        Random random = new Random(seed);
        List<SparseVector> probes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int pick = random.nextInt(n);
            if (i % 2 == 0) {
                Transition t = transitions.get(pick);
                String event = syscalls.get(random.nextInt(syscalls.size()));
                ContainerState after = ContainerState.of(t.after().processes(),
                        replaceLast(t.after().recentTokens(), event));
                probes.add(encoder.encode(new Transition(t.before(), event, after)));
            } else {
                SparseVector v = vectors.get(pick);
                double[] values = v.values();
                for (int j = 0; j < values.length; j++) {
                    values[j] += 0.05 * random.nextGaussian();
                }
                probes.add(new SparseVector(v.dimension(), v.indices(), values));
            }
        }
        return probes;
    }

    private static List<String> replaceLast(List<String> tokens, String event) {
        List<String> copy = new ArrayList<>(tokens);
        copy.set(copy.size() - 1, event);
        return copy;
    }
}
