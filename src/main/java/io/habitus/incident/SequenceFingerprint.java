package io.habitus.incident;

import java.util.List;

/**
 * The 64-bit fingerprint of a short sequence: the container's last {@code length - 1} tokens and
 * the event's token (STIDE's unit), with the process that acted. The container's recent tokens, not
 * the process's own: a container state keeps 8 (habitus.behavior.recent-tokens), a process only 2.
 * 64 bits keep a window of millions of distinct sequences in a few megabytes with a collision
 * chance below one in a billion.
 */
final class SequenceFingerprint {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private SequenceFingerprint() {
    }

    static long of(String process, List<String> recent, String token, int length) {
        long h = FNV_OFFSET;
        h = mix(h, process);
        int from = Math.max(0, recent.size() - (length - 1));
        for (int i = from; i < recent.size(); i++) {
            h = mix(h, recent.get(i));
        }
        h = mix(h, token);
        return finish(h);
    }

    /** Over the string's UTF-16 units, without encoding it: this runs for every judged and learning event. */
    private static long mix(long h, String part) {
        for (int i = 0; i < part.length(); i++) {
            h = (h ^ part.charAt(i)) * FNV_PRIME;
        }
        // A separator outside the 16-bit units, so that ("ab", "c") and ("a", "bc") differ.
        return (h ^ 0x10000) * FNV_PRIME;
    }

    /** MurmurHash3's fmix64: FNV's low bits alone mix poorly. */
    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
