package io.habitus.eval.unm;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A data set's normal traces split into a learning part and a held-out part: shuffled with a fixed
 * seed (Fisher–Yates over java.util.Random, whose sequence is specified), then the first
 * {@code learningFraction} learn and the rest are held out. Large sets are subsampled after the
 * shuffle to at most {@code maxLearning} and {@code maxHeldOut} traces, so the sample is uniform.
 * Every part has at least one trace.
 */
record TraceSplit(List<Trace> learning, List<Trace> heldOut, int available) {

    static TraceSplit of(List<Trace> normal, long seed, double learningFraction, int maxLearning, int maxHeldOut) {
        if (normal.size() < 2) {
            throw new IllegalArgumentException("need at least two normal traces to split, got " + normal.size());
        }
        List<Trace> shuffled = new ArrayList<>(normal);
        Random random = new Random(seed);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Trace swapped = shuffled.get(i);
            shuffled.set(i, shuffled.get(j));
            shuffled.set(j, swapped);
        }
        int n = shuffled.size();
        int learning = (int) Math.max(1, Math.min(n - 1, Math.round(n * learningFraction)));
        List<Trace> learn = shuffled.subList(0, learning);
        List<Trace> held = shuffled.subList(learning, n);
        return new TraceSplit(List.copyOf(learn.subList(0, Math.min(maxLearning, learn.size()))),
                List.copyOf(held.subList(0, Math.min(maxHeldOut, held.size()))), n);
    }

    long learningCalls() {
        return learning.stream().mapToLong(Trace::length).sum();
    }

    long heldOutCalls() {
        return heldOut.stream().mapToLong(Trace::length).sum();
    }
}
