package io.habitus.model.encoding;

import java.util.Arrays;

/**
 * The features of one group with their amounts, before hashing. Read back sorted by feature text
 * (amounts of an equal feature summed in the order they were added), so that the hashed result
 * never depends on the order in which the features were added. Kept as arrays sorted once when
 * read, rather than a sorted map updated per feature: this runs for every scored event. Adding
 * after reading is allowed (the next read sorts again).
 */
public final class FeatureBag {

    private String[] features = new String[8];
    private double[] amounts = new double[8];
    private int size;
    private boolean collapsed = true;

    public FeatureBag add(String feature, double amount) {
        if (size == features.length) {
            features = Arrays.copyOf(features, size * 2);
            amounts = Arrays.copyOf(amounts, size * 2);
        }
        features[size] = feature;
        amounts[size] = amount;
        size++;
        collapsed = size == 1;
        return this;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Distinct features. */
    int size() {
        collapse();
        return size;
    }

    /** The i-th distinct feature in natural order. */
    String feature(int i) {
        collapse();
        return features[i];
    }

    /** The summed amount of {@link #feature(int)}. */
    double amount(int i) {
        collapse();
        return amounts[i];
    }

    /**
     * Stable insertion sort by feature (bags hold a handful of features), then equal neighbours
     * merged left to right, as {@code TreeMap.merge} with a sum would.
     */
    private void collapse() {
        if (collapsed) {
            return;
        }
        for (int i = 1; i < size; i++) {
            String feature = features[i];
            double amount = amounts[i];
            int j = i - 1;
            while (j >= 0 && features[j].compareTo(feature) > 0) {
                features[j + 1] = features[j];
                amounts[j + 1] = amounts[j];
                j--;
            }
            features[j + 1] = feature;
            amounts[j + 1] = amount;
        }
        int distinct = 0;
        for (int i = 0; i < size; i++) {
            if (distinct > 0 && features[distinct - 1].equals(features[i])) {
                amounts[distinct - 1] += amounts[i];
            } else {
                features[distinct] = features[i];
                amounts[distinct] = amounts[i];
                distinct++;
            }
        }
        Arrays.fill(features, distinct, size, null);
        size = distinct;
        collapsed = true;
    }
}
