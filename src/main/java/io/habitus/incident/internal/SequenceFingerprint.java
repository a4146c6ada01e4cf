package io.habitus.incident.internal;

import java.util.List;

/**
 * The 64-bit fingerprints of the short sequences an event ends, at three lengths
 * (docs/incidents.md, "Novelty at three lengths"): the container's last {@code length - 1} tokens
 * and the event's token (STIDE's unit), with the process that acted; the acting process's own last
 * tokens and the event's ({@link #local}); and the acting process with the event's token alone
 * ({@link #action}). The three are salted apart, so one set of learned fingerprints holds them all.
 * 64 bits keep a window of millions of distinct sequences in a few megabytes with a collision
 * chance below one in a billion.
 */
public final class SequenceFingerprint {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private SequenceFingerprint() {
    }

    /** "Never seen" cannot be told for an event traced before a length was fingerprinted: it counts as learned. */
    static final long UNTRACED = 0L;
    private static final long LOCAL_SEED = mix(FNV_OFFSET, "local");
    private static final long ACTION_SEED = mix(FNV_OFFSET, "action");

    public static long of(String process, List<String> recent, String token, int length) {
        return sequence(FNV_OFFSET, process, recent, token, length);
    }

    /** The acting process's own last tokens and the event's: a process's habit, whatever runs beside it. */
    public static long local(String process, List<String> processRecent, String token) {
        return sequence(LOCAL_SEED, process, processRecent, token, processRecent.size() + 1);
    }

    /** The acting process and the event's token: something this kind of process never did while learning. */
    public static long action(String process, String token) {
        return sequence(ACTION_SEED, process, List.of(), token, 1);
    }

    private static long sequence(long seed, String process, List<String> recent, String token, int length) {
        long h = seed;
        h = mix(h, process);
        int from = Math.max(0, recent.size() - (length - 1));
        for (int i = from; i < recent.size(); i++) {
            h = mix(h, recent.get(i));
        }
        h = mix(h, token);
        long fingerprint = finish(h);
        return fingerprint == UNTRACED ? 1L : fingerprint;
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
