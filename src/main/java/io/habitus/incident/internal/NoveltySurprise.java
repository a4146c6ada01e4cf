package io.habitus.incident.internal;

/**
 * A container's evidence: how surprising it is that {@code novel} of its {@code events} were
 * sequences its image never showed while learning, if each normal event is novel with the image's
 * rate {@code p} — {@code -log10 P(X >= novel)} for {@code X ~ Binomial(events, p)}. Unlike a count
 * in a frame or a share of the events, it weighs the same number of novel sequences by how long
 * the container has lived, so a short burst in a young container and a steady trickle in an old
 * one are compared on one scale, and it grows while novelty keeps coming.
 */
final class NoveltySurprise {

    /** A term this small against the sum so far changes no digit that matters; the rest are smaller still. */
    private static final double NEGLIGIBLE = 1e-15;
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
        if (novel - 1 < events * p) {
            // Below the mean the upper tail is most of the mass: one minus the lower tail, whose
            // terms fall away from the mean too.
            return Math.max(0, -Math.log10(Math.max(0, 1 - lowerTail(novel - 1, events, p))));
        }
        // Past the mean each term is the previous one times a ratio below one, summed relative to
        // the first: no log or exp per term (a long life's tail has thousands of terms).
        double ratio = p / (1 - p);
        double sum = 1;
        double term = 1;
        for (long k = novel + 1; k <= events; k++) {
            term *= (double) (events - k + 1) / k * ratio;
            sum += term;
            if (term < NEGLIGIBLE * sum) {
                break;
            }
        }
        double log10Tail = (logTerm(novel, events, p) + Math.log(sum)) / LN10;
        return Math.max(0, -log10Tail);
    }

    /** P(X <= upTo), X ~ Binomial(events, p), for upTo below the mean. */
    private static double lowerTail(long upTo, long events, double p) {
        double ratio = (1 - p) / p;
        double sum = 1;
        double term = 1;
        for (long k = upTo; k > 0; k--) {
            term *= (double) k / (events - k + 1) * ratio;
            sum += term;
            if (term < NEGLIGIBLE * sum) {
                break;
            }
        }
        return Math.exp(logTerm(upTo, events, p) + Math.log(sum));
    }

    /** ln P(X = k). */
    private static double logTerm(long k, long events, double p) {
        return logFactorial(events) - logFactorial(k) - logFactorial(events - k) + k * Math.log(p) + (events - k) * Math.log1p(-p);
    }

    private static double logFactorial(long n) {
        return LogGamma.of(n + 1.0);
    }
}
