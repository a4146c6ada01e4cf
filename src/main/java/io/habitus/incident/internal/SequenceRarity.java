package io.habitus.incident.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * How rare each short sequence was in the image's learning window: per distinct fingerprint of the
 * container sequence and of the acting process's own sequence ({@link EventSequences}), how many
 * learning events ended it. An event's rarity is {@code −log10((count + 0.1) / events)} summed over
 * the two: a sequence every event ends costs 0, one seen once in a million events about 6, one never
 * seen about 7 each. Novelty only asks "seen or not"; rarity also weighs the sequences learning saw
 * once or twice, which is where on real system-call data most attacks that reuse normal calls differ
 * (docs/incidents.md, "Rarity evidence"). A container's rarity levels follow its events' rarity as
 * exponentially weighted means over about its last {@link #MEMORY} and its last {@link #LONG_MEMORY}
 * events ({@link #level}); its evidence is the peak of the larger, each over its own threshold
 * ({@link ContainerDetector#rarityEvidence}).
 */
final class SequenceRarity {

    /** About how many recent events the level weighs: STIDE's locality frames are of this order. */
    static final int MEMORY = 10;
    /**
     * The longer memory: a sustained run of moderately rare sequences, which the short level's peaks (noisy
     * in normal containers too) do not tell apart (docs/incidents.md, "Rarity at two memories").
     */
    static final int LONG_MEMORY = 30;
    /** The pseudo-count of a sequence learning never saw: one tenth of a sighting. */
    static final double UNSEEN = 0.1;
    /** The lengths whose rarity counts: the container's sequence and the acting process's own. */
    static final int[] LENGTHS = {EventSequences.SEQUENCE, EventSequences.LOCAL};

    private static final SequenceRarity NONE = new SequenceRarity(new long[0], new int[0], 0);

    private final long[] keys;
    private final int[] counts;
    private final long events;

    SequenceRarity(long[] sortedKeys, int[] counts, long events) {
        this.keys = sortedKeys;
        this.counts = counts;
        this.events = events;
    }

    /** No learned counts (a detector built before rarity was learned): every event's rarity is 0. */
    static SequenceRarity none() {
        return NONE;
    }

    /** The rarity of a sequence seen {@code count} times among {@code events}. */
    static double rarity(long count, long events) {
        return events <= 0 ? 0 : -Math.log10((count + UNSEEN) / events);
    }

    /** The next level after an event of this rarity, the {@code events}-th of the container (1 for its first). */
    static double level(double level, double rarity, long events, int memory) {
        // The mean of the events so far until there are `memory` of them, so a young container's level is
        // not held down by a start at zero; then an exponentially weighted mean.
        double weight = Math.max(1.0 / memory, 1.0 / Math.max(1, events));
        return level + weight * (rarity - level);
    }

    /**
     * Advances a container's two levels, {@code {short, long}} ({@link #MEMORY}, {@link #LONG_MEMORY}), in
     * place with its {@code events}-th event's rarity: the one update that judging and calibration share.
     */
    static void advance(double[] levels, double rarity, long events) {
        levels[0] = level(levels[0], rarity, events, MEMORY);
        levels[1] = level(levels[1], rarity, events, LONG_MEMORY);
    }

    /** The event's rarity: its container sequence's and its process's own sequence's, summed. */
    double event(long sequence, long local) {
        if (events == 0) {
            return 0;
        }
        return rarity(count(sequence), events) + rarity(count(local), events);
    }

    /** The most an event's rarity can be (both sequences never seen): no level passes it. */
    double ceiling() {
        return events == 0 ? 0 : LENGTHS.length * rarity(0, events);
    }

    long events() {
        return events;
    }

    int size() {
        return keys.length;
    }

    private long count(long fingerprint) {
        int i = Arrays.binarySearch(keys, fingerprint);
        return i >= 0 ? counts[i] : 0;
    }

    byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES + Integer.BYTES + keys.length * (Long.BYTES + Integer.BYTES));
        buffer.putLong(events).putInt(keys.length);
        for (int i = 0; i < keys.length; i++) {
            buffer.putLong(keys[i]).putInt(counts[i]);
        }
        return buffer.array();
    }

    static SequenceRarity fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return NONE;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long events = buffer.getLong();
        int n = buffer.getInt();
        long[] keys = new long[n];
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) {
            keys[i] = buffer.getLong();
            counts[i] = buffer.getInt();
        }
        return new SequenceRarity(keys, counts, events);
    }
}
