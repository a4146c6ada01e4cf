package io.habitus.incident.internal;

/**
 * What a detector knows about novelty at each of the three lengths ({@link EventSequences}): how
 * often a normal event is novel at it (the rate, measured on containers held out of the learning
 * window) and the threshold its binomial surprise must pass, calibrated on the same containers.
 * A container's sequence evidence is its largest surprise over the three lengths, each scaled to the
 * container-sequence threshold ({@link #threshold()}), so that one evidence and one threshold speak
 * for all three: a length whose normal novelty is rare (a process's new action) needs far less
 * surprise than one whose normal novelty is common (the container's interleaved sequences).
 * A rate of 1 (a detector built before a length was learned) makes that length no evidence. Each length
 * also has its dispersion, how much more normal containers vary than independent events would
 * ({@link NoveltySurprise}); 0, the binomial, for detectors built before it was measured.
 */
record SequenceNovelty(double[] rates, double[] dispersions, double[] thresholds) {

    SequenceNovelty {
        if (rates.length != EventSequences.LENGTHS || dispersions.length != EventSequences.LENGTHS
                || thresholds.length != EventSequences.LENGTHS) {
            throw new IllegalArgumentException("a rate, a dispersion and a threshold for each of the three lengths");
        }
        rates = rates.clone();
        dispersions = dispersions.clone();
        thresholds = thresholds.clone();
    }

    /** A detector from before the process's own lengths were learned: container sequences only. */
    static SequenceNovelty containerOnly(double rate, double threshold) {
        return new SequenceNovelty(new double[] {rate, 1.0, 1.0}, new double[EventSequences.LENGTHS],
                new double[] {threshold, threshold, threshold});
    }

    double rate(int length) {
        return rates[length];
    }

    /** The container-sequence threshold, which the evidence is scaled to. */
    double threshold() {
        return thresholds[EventSequences.SEQUENCE];
    }

    double threshold(int length) {
        return thresholds[length];
    }

    /** The surprise ({@link NoveltySurprise}) of one length's novel count, scaled to the container threshold. */
    double evidence(int length, long novel, long events) {
        return NoveltySurprise.of(novel, events, rates[length], dispersions[length]) * threshold() / thresholds[length];
    }

    /** The container's sequence evidence after {@code events} events with these novel counts per length. */
    double evidence(long[] novel, long events) {
        double evidence = 0;
        for (int length = 0; length < EventSequences.LENGTHS; length++) {
            evidence = Math.max(evidence, evidence(length, novel[length], events));
        }
        return evidence;
    }
}
