package io.habitus.model.encoding;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the hashes of recently hashed features, per group and seed. An image's transitions
 * share most of their features (the event, the event crossed with recent tokens and live
 * processes), so most features of a scored event were hashed before; looking one up compares the
 * string with the JDK's vectorised hashCode and equals instead of encoding and hashing it byte by
 * byte. Bounded: a table that outgrows {@link #MAX_ENTRIES} is emptied and refills with what is
 * current. A cached hash is the computed one, so encodings stay bit-identical.
 */
final class FeatureHashes {

    static final int MAX_ENTRIES = 200_000;

    private record Table(String group, int seed) {}

    private static final ConcurrentHashMap<Table, ConcurrentHashMap<String, Integer>> TABLES = new ConcurrentHashMap<>();

    private FeatureHashes() {}

    static ConcurrentHashMap<String, Integer> of(String group, int seed) {
        return TABLES.computeIfAbsent(new Table(group, seed), t -> new ConcurrentHashMap<>());
    }

    static void remember(ConcurrentHashMap<String, Integer> table, String feature, int hash) {
        if (table.size() >= MAX_ENTRIES) {
            table.clear();
        }
        table.put(feature, hash);
    }
}
