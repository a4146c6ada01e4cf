package io.habitus.incident.internal;

import org.apache.commons.math3.special.Beta;

/**
 * A container's evidence: how surprising it is that {@code novel} of its {@code events} were
 * sequences its image never showed while learning, if each normal event is novel with the image's
 * rate {@code p} — {@code -log10 P(X >= novel)} for {@code X ~ Binomial(events, p)}. Unlike a count
 * in a frame or a share of the events, it weighs the same number of novel sequences by how long
 * the container has lived, so a short burst in a young container and a steady trickle in an old
 * one are compared on one scale, and it grows while novelty keeps coming.
 *
 * <p>Normal novelty comes in bursts (one unusual step ends several new sequences; a container that
 * runs an unusual job is new for a while), so containers vary more than a binomial allows: measured
 * on held-out learning containers, UNM's programs as one image show an intra-container correlation of
 * about 0.2 at the container sequence's length. With a {@code dispersion} ρ > 0 (measured per image
 * and length, {@link DetectorCalibration}) the count is weighed as the beta-binomial with that
 * correlation spreads it: its variance is the binomial's times the design effect
 * {@code D = 1 + (events − 1) ρ}, so {@code novel} of {@code events} weigh as {@code novel / D} of
 * {@code events / D} independent trials (Kish's effective sample size), the binomial tail taken
 * continuously, {@code I_p(k, n − k + 1)} (the regularized incomplete beta, a continued fraction, where
 * the beta-binomial's own tail falls off like a power and may need as many terms as the container has
 * events). A long normal life with a few bursts stops looking like thousands of independent trials,
 * and a short container whose events are mostly new still stands out. ρ = 0 is the binomial.
 */
final class NoveltySurprise {

    /** A term this small against the sum so far changes no digit that matters; the rest are smaller still. */
    private static final double NEGLIGIBLE = 1e-15;
    private static final double LN10 = Math.log(10);
    /** The surprise of a tail too small for a double: beyond every threshold. */
    private static final double UNDERFLOW = 320;

    private NoveltySurprise() {
    }

    static double of(long novel, long events, double p) {
        return of(novel, events, p, 0);
    }

    static double of(long novel, long events, double p, double dispersion) {
        if (novel <= 0 || events <= 0) {
            return 0;
        }
        if (novel > events) {
            novel = events;
        }
        if (dispersion > 0) {
            double design = 1 + (events - 1) * dispersion;
            double trials = events / design;
            double successes = novel / design;
            double tail = Beta.regularizedBeta(p, successes, trials - successes + 1);
            return tail > 0 ? Math.max(0, -Math.log10(tail)) : UNDERFLOW;
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
