package io.habitus.incident;

/**
 * A container's evidence: how surprising it is that {@code novel} of its {@code events} were
 * sequences its image never showed while learning, if each normal event is novel with the image's
 * rate {@code p} — {@code -log10 P(X >= novel)} for {@code X ~ Binomial(events, p)}. Unlike a count
 * in a frame or a share of the events, it weighs the same number of novel sequences by how long
 * the container has lived, so a short burst in a young container and a steady trickle in an old
 * one are compared on one scale, and it grows while novelty keeps coming.
 */
final class NoveltySurprise {

    /** Terms this far (in natural log) below the largest add less than 1e-17 of the sum. */
    private static final double NEGLIGIBLE = 40;
    private static final double LN10 = Math.log(10);

    private NoveltySurprise() {
    }

    static double of(long novel, long events, double p) {
        if (novel <= 0 || events <= 0) {
            return 0;
        }
        if (novel > events) {
            novel = events;
        }
        double lp = Math.log(p);
        double lq = Math.log1p(-p);
        double constant = logFactorial(events);
        double first = constant - logFactorial(novel) - logFactorial(events - novel) + novel * lp + (events - novel) * lq;
        // The tail's terms fall once past the mean, which is where novel lies whenever it matters.
        double sum = 1;
        double term = first;
        for (long k = novel + 1; k <= events; k++) {
            term += Math.log((double) (events - k + 1) / k) + lp - lq;
            double relative = term - first;
            if (relative < -NEGLIGIBLE) {
                break;
            }
            sum += Math.exp(relative);
        }
        double log10Tail = (first + Math.log(sum)) / LN10;
        return Math.max(0, -log10Tail);
    }

    private static double logFactorial(long n) {
        return LogGamma.of(n + 1.0);
    }
}
