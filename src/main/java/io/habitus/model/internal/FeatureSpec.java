package io.habitus.model.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Everything that determines the transition encoding. Stored with every model: the same spec and
 * the same transition give the same vector forever. {@code version} names the encoding algorithm
 * (a code change to the algorithm gets a new version, old versions stay implemented); the other
 * fields are its parameters.
 *
 * @param version      encoding algorithm version: 1, 2 (version 1 plus the {@code sequence} group) or 3
 *                     (version 2 plus the acting process's {@code actor}, {@code actorBigram} and
 *                     {@code actorSequence} groups)
 * @param dimension    length of the hashed vector, a power of two
 * @param window       k, how many recent tokens the state holds
 * @param decay        weight factor per step back in the window (position 0 = most recent)
 * @param hashSeed     MurmurHash3 seed
 * @param groupWeights weight per feature group name; absent groups weigh 0
 */
public record FeatureSpec(int version, int dimension, int window, double decay, int hashSeed,
        Map<String, Double> groupWeights) {

    public static final int CURRENT_VERSION = 3;

    public FeatureSpec {
        if (version < 1 || version > CURRENT_VERSION) {
            throw new IllegalArgumentException("unknown feature spec version " + version);
        }
        if (Integer.bitCount(dimension) != 1 || dimension < 16 || dimension > 1 << 24) {
            throw new IllegalArgumentException("dimension must be a power of two in [16, 2^24]: " + dimension);
        }
        if (window < 1 || window > 64) {
            throw new IllegalArgumentException("window must be in [1, 64]: " + window);
        }
        if (!(decay > 0.0 && decay <= 1.0)) {
            throw new IllegalArgumentException("decay must be in (0, 1]: " + decay);
        }
        TreeMap<String, Double> weights = new TreeMap<>();
        groupWeights.forEach((name, weight) -> {
            FeatureGroup group = Arrays.stream(FeatureGroup.values()).filter(g -> g.key().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown feature group " + name));
            if (version < group.since()) {
                throw new IllegalArgumentException("group " + name + " exists since feature spec version " + group.since());
            }
            if (weight == null || !(weight >= 0.0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weight of " + name + " must be finite and >= 0: " + weight);
            }
            weights.put(name, weight);
        });
        groupWeights = java.util.Collections.unmodifiableSortedMap(weights);
    }

    /** Weight of the version-2 {@code sequence} group in {@link #defaults()} (docs/unm-evaluation.md). */
    static final double SEQUENCE_WEIGHT = 3.0;

    /**
     * Weights of the version-3 groups in {@link #defaults()} (docs/transition-model.md, version 3):
     * together 1² + 0.5² + 1² = 2.25 of the squared norm (16.125), a minority share, because where one
     * process does everything its own history is the container's (counted twice over), and where many
     * interleave, groups on which most normal pairs differ widen the kernel for all the others.
     */
    static final double ACTOR_WEIGHT = 1.0;
    static final double ACTOR_BIGRAM_WEIGHT = 0.5;
    static final double ACTOR_SEQUENCE_WEIGHT = 1.0;

    /** The default specification of new models (version 3). */
    public static FeatureSpec defaults() {
        Map<String, Double> weights = new LinkedHashMap<>(version2().groupWeights());
        weights.put(FeatureGroup.ACTOR.key(), ACTOR_WEIGHT);
        weights.put(FeatureGroup.ACTOR_BIGRAM.key(), ACTOR_BIGRAM_WEIGHT);
        weights.put(FeatureGroup.ACTOR_SEQUENCE.key(), ACTOR_SEQUENCE_WEIGHT);
        return new FeatureSpec(CURRENT_VERSION, 4096, 8, 0.7, 0x48616269, weights);
    }

    /** The default specification of version 2, as models trained before version 3 stored it. */
    public static FeatureSpec version2() {
        Map<String, Double> weights = new LinkedHashMap<>(version1().groupWeights());
        weights.put(FeatureGroup.SEQUENCE.key(), SEQUENCE_WEIGHT);
        return new FeatureSpec(2, 4096, 8, 0.7, 0x48616269, weights);
    }

    /** The default specification of version 1, as models trained before version 2 stored it. */
    public static FeatureSpec version1() {
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put(FeatureGroup.EVENT.key(), 1.0);
        weights.put(FeatureGroup.BIGRAM.key(), 1.0);
        weights.put(FeatureGroup.CONTEXT.key(), 1.0);
        weights.put(FeatureGroup.RECENT.key(), 0.5);
        weights.put(FeatureGroup.KINDS.key(), 0.5);
        weights.put(FeatureGroup.PROCESSES.key(), 0.5);
        weights.put(FeatureGroup.EVENT_PROCESSES.key(), 0.75);
        weights.put(FeatureGroup.DELTA.key(), 0.75);
        return new FeatureSpec(1, 4096, 8, 0.7, 0x48616269, weights);
    }

    double weight(FeatureGroup group) {
        return groupWeights.getOrDefault(group.key(), 0.0);
    }

    /** JSON-friendly form (strings, numbers, a nested map); {@link #fromMap} reads it back. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("version", version);
        map.put("dimension", dimension);
        map.put("window", window);
        map.put("decay", decay);
        map.put("hashSeed", hashSeed);
        map.put("groupWeights", new LinkedHashMap<>(groupWeights));
        return map;
    }

    public static FeatureSpec fromMap(Map<String, ?> map) {
        Map<String, Double> weights = new LinkedHashMap<>();
        if (!(map.get("groupWeights") instanceof Map<?, ?> raw)) {
            throw new IllegalArgumentException("groupWeights missing");
        }
        raw.forEach((name, weight) -> weights.put(String.valueOf(name), number(weight, "groupWeights." + name).doubleValue()));
        return new FeatureSpec(integer(map, "version"), integer(map, "dimension"), integer(map, "window"),
                number(map.get("decay"), "decay").doubleValue(), integer(map, "hashSeed"), weights);
    }

    private static int integer(Map<String, ?> map, String key) {
        Number value = number(map.get(key), key);
        if (value.doubleValue() != value.intValue()) {
            throw new IllegalArgumentException(key + " must be an int: " + value);
        }
        return value.intValue();
    }

    private static Number number(@Nullable Object value, String key) {
        if (value instanceof Number number) {
            return number;
        }
        throw new IllegalArgumentException(key + " must be a number: " + value);
    }
}
