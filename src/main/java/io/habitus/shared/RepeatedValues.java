package io.habitus.shared;

import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * One {@code String} per value for the fields that repeat on nearly every event (container ids,
 * image digests, node and pod names, executables). Each parsed event brings new copies of them, and
 * every step after parsing keys maps by them: a canonical copy has its hash computed once and is
 * found by identity. Bounded: past {@value #MAX_VALUES} values the pool starts over (a value seen
 * again is pooled again), so a stream of distinct ids costs memory only up to the bound.
 */
public final class RepeatedValues {

    static final int MAX_VALUES = 65_536;

    private static final ConcurrentHashMap<String, String> POOL = new ConcurrentHashMap<>();

    private RepeatedValues() {}

    /** The pooled copy of {@code value} (equal to it); null stays null. */
    public static @Nullable String canonical(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String pooled = POOL.get(value);
        if (pooled != null) {
            return pooled;
        }
        if (POOL.size() >= MAX_VALUES) {
            POOL.clear();
        }
        pooled = POOL.putIfAbsent(value, value);
        return pooled == null ? value : pooled;
    }
}
