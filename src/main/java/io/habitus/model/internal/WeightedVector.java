package io.habitus.model.internal;

import java.util.Objects;

/** One distinct transition vector of a training sample and how many times it was seen. */
public record WeightedVector(SparseVector vector, long count) {

    public WeightedVector {
        Objects.requireNonNull(vector, "vector");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
    }
}
