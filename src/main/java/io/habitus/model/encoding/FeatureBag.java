package io.habitus.model.encoding;

import java.util.Map;
import java.util.TreeMap;

/**
 * The features of one group with their amounts, before hashing. Kept sorted by feature text so
 * that the hashed result never depends on the order in which the features were added.
 */
public final class FeatureBag {

    private final TreeMap<String, Double> amounts = new TreeMap<>();

    public FeatureBag add(String feature, double amount) {
        amounts.merge(feature, amount, Double::sum);
        return this;
    }

    public boolean isEmpty() {
        return amounts.isEmpty();
    }

    Map<String, Double> amounts() {
        return amounts;
    }
}
