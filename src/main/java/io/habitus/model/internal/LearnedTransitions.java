package io.habitus.model.internal;

import java.util.Arrays;
import java.util.Collection;

/**
 * The transitions a model learned from, as the 64-bit fingerprints of their vectors
 * ({@link SparseVector#fingerprint()}): every distinct vector of the training sample, those the SVM
 * was trained on and those held out alike. A transition the learning window saw is normal by the
 * same premise as the allowlist (what the image did while learning is what it does); the SVM
 * generalises to transitions never seen, and its soft margin would otherwise leave rare learned
 * ones outside its boundary. Sorted, so a lookup is a binary search; immutable.
 */
public final class LearnedTransitions {

    static final LearnedTransitions NONE = new LearnedTransitions(new long[0]);

    private final long[] fingerprints;

    private LearnedTransitions(long[] sortedDistinct) {
        this.fingerprints = sortedDistinct;
    }

    static LearnedTransitions of(Collection<SparseVector> vectors) {
        return ofFingerprints(vectors.stream().mapToLong(SparseVector::fingerprint).toArray());
    }

    static LearnedTransitions ofFingerprints(long[] fingerprints) {
        return new LearnedTransitions(Arrays.stream(fingerprints).sorted().distinct().toArray());
    }

    public boolean contains(SparseVector vector) {
        return Arrays.binarySearch(fingerprints, vector.fingerprint()) >= 0;
    }

    public int size() {
        return fingerprints.length;
    }

    /** Ascending (signed order); a copy. */
    long[] fingerprints() {
        return fingerprints.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LearnedTransitions that && Arrays.equals(fingerprints, that.fingerprints);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(fingerprints);
    }
}
