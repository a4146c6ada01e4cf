package io.habitus.incident.internal;

/**
 * How much more containers' novel counts vary than independent events would ({@link NoveltySurprise}):
 * the intra-container correlation ρ of a beta-binomial with the same mean, by the method of moments
 * over held-out containers' counts, {@code Σ[(U − N p)² − N p (1 − p)] / Σ N (N − 1) p (1 − p)} for
 * {@code U} novel of {@code N} events each, within [0, {@link #MAX}]; 0 is the binomial (containers that
 * vary no more, or less, than it says).
 */
final class NoveltyDispersion {

    /** A correlation of 1 would make every container all novel or none: no count would weigh anything. */
    static final double MAX = 0.5;

    private NoveltyDispersion() {
    }

    static double of(long[] novel, long[] events, double p) {
        double excess = 0;
        double pairs = 0;
        double variance = p * (1 - p);
        for (int i = 0; i < novel.length; i++) {
            double n = events[i];
            double deviation = novel[i] - n * p;
            excess += deviation * deviation - n * variance;
            pairs += n * (n - 1) * variance;
        }
        return pairs > 0 ? Math.clamp(excess / pairs, 0, MAX) : 0;
    }
}
