package io.habitus.incident.persistence;

import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.cursors.LongIntCursor;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A container's token-pair counts (its behaviour mix), immutable: a base of counts and the pairs
 * counted since, in order. A container's counts reach thousands of pairs (up to 48 KB), and every
 * judged event adds one: rewriting and re-reading them whole per batch was most of a committed
 * score call's database work and much of its CPU. So the stored row keeps the base
 * ({@code pair_counts}) and appends each batch's pairs to {@code pair_log} (8 bytes each); when the
 * log reaches {@link #LOG_LIMIT} pairs, the next write folds it into a new base. In memory the base
 * is shared by every batch that extends it, and never changed. The counts are kept in primitive maps
 * (about 24 bytes a pair instead of about 70 for boxed keys and counts in a {@code HashMap}): a replica
 * holds the mixes of the containers it judged recently ({@code RecentEvidence}, bounded by their {@link #bytes}).
 */
public final class PairCounts {

    /** Pairs logged before the base is rewritten: 1 KB of log, so the row stays small enough to be stored inline. */
    static final int LOG_LIMIT = 128;

    private static final PairCounts NONE = new PairCounts(new LongIntHashMap(0), new long[0], 0, false, new long[0]);

    /** Never changed once built: shared by every batch that extends it. */
    private final LongIntHashMap base;
    /** The pairs counted since the base, in order: at most {@link #LOG_LIMIT}, so a scan finds one (no map copied per batch). */
    private final long[] log;
    private final int distinct;
    private final boolean extendsStored;
    private final long[] appended;

    private PairCounts(LongIntHashMap base, long[] log, int distinct, boolean extendsStored, long[] appended) {
        this.base = base;
        this.log = log;
        this.distinct = distinct;
        this.extendsStored = extendsStored;
        this.appended = appended;
    }

    /** No pairs, stored nowhere: a new episode's, written whole. */
    public static PairCounts none() {
        return NONE;
    }

    /** The counts as stored: a base ({@code long key, int count} pairs) and a log of keys. */
    static PairCounts stored(byte[] baseBytes, byte[] logBytes) {
        LongIntHashMap base = new LongIntHashMap(baseBytes.length / (Long.BYTES + Integer.BYTES));
        ByteBuffer counts = ByteBuffer.wrap(baseBytes);
        while (counts.remaining() >= Long.BYTES + Integer.BYTES) {
            base.put(counts.getLong(), counts.getInt());
        }
        ByteBuffer keys = ByteBuffer.wrap(logBytes);
        long[] log = new long[logBytes.length / Long.BYTES];
        for (int i = 0; i < log.length; i++) {
            log[i] = keys.getLong();
        }
        int distinct = base.size();
        for (int i = 0; i < log.length; i++) {
            if (!base.containsKey(log[i]) && !contains(log, i, log[i])) {
                distinct++;
            }
        }
        return new PairCounts(base, log, distinct, true, new long[0]);
    }

    /** How many distinct pairs are counted. */
    public int size() {
        return distinct;
    }

    /** The bytes these counts hold in memory (the base's arrays, the log and the appended pairs): what a cache of them weighs. */
    public long bytes() {
        return base.ramBytesAllocated() + (long) (log.length + appended.length) * Long.BYTES;
    }

    public boolean contains(long key) {
        return base.containsKey(key) || contains(log, log.length, key);
    }

    /** Every count, as one map (a new one: for the rare moments the whole mix is compared). */
    public Map<Long, Integer> toMap() {
        return boxed(merged());
    }

    /** Every count, as one primitive map (a new one). */
    private LongIntHashMap merged() {
        LongIntHashMap all = new LongIntHashMap(base);
        for (long key : log) {
            all.addTo(key, 1);
        }
        return all;
    }

    private static Map<Long, Integer> boxed(LongIntHashMap counts) {
        Map<Long, Integer> map = new HashMap<>(counts.size() * 4 / 3 + 1);
        for (LongIntCursor c : counts) {
            map.put(c.key, c.value);
        }
        return map;
    }

    /** Counting on from these counts, for one batch; these stay as they are. */
    public Tally tally() {
        return new Tally(this);
    }

    /** Whether a write must store these counts whole: they do not extend the stored ones, or their log is full. */
    boolean rewrite() {
        return !extendsStored;
    }

    /** The base as stored: {@code long key, int count} pairs. */
    byte[] baseBytes() {
        ByteBuffer bytes = ByteBuffer.allocate(base.size() * (Long.BYTES + Integer.BYTES));
        for (LongIntCursor c : base) {
            bytes.putLong(c.key).putInt(c.value);
        }
        return bytes.array();
    }

    byte[] logBytes() {
        return keyBytes(log);
    }

    /** The pairs a batch counted, to append to the stored log. */
    byte[] appendedBytes() {
        return keyBytes(appended);
    }

    /** The same counts, as they are once written. */
    PairCounts asStored() {
        return extendsStored && appended.length == 0 ? this
                : new PairCounts(base, log, distinct, true, new long[0]);
    }

    /** Whether one of the first {@code n} keys is {@code key}. */
    private static boolean contains(long[] keys, int n, long key) {
        for (int i = 0; i < n; i++) {
            if (keys[i] == key) {
                return true;
            }
        }
        return false;
    }

    private static byte[] keyBytes(long[] keys) {
        ByteBuffer bytes = ByteBuffer.allocate(keys.length * Long.BYTES);
        for (long key : keys) {
            bytes.putLong(key);
        }
        return bytes.array();
    }

    /** One batch's counting: the pairs it adds, over counts that stay unchanged. */
    public static final class Tally {

        private final PairCounts from;
        private long[] added = new long[4];
        private int size;
        private final LongIntHashMap counted = new LongIntHashMap();
        private int distinct;

        private Tally(PairCounts from) {
            this.from = from;
            this.distinct = from.distinct;
        }

        public void add(long key) {
            if (size == added.length) {
                added = Arrays.copyOf(added, size * 2);
            }
            added[size++] = key;
            if (counted.addTo(key, 1) == 1 && !from.contains(key)) {
                distinct++;
            }
        }

        public boolean contains(long key) {
            return from.contains(key) || counted.containsKey(key);
        }

        public int size() {
            return distinct;
        }

        /** Every count so far, as one map (a new one). */
        public Map<Long, Integer> toMap() {
            return boxed(merged());
        }

        private LongIntHashMap merged() {
            LongIntHashMap all = from.merged();
            for (LongIntCursor c : counted) {
                all.addTo(c.key, c.value);
            }
            return all;
        }

        /** The counts after this batch: its pairs logged, or everything folded into a new base when the log is full. */
        public PairCounts counts() {
            long[] batch = Arrays.copyOf(added, size);
            if (from.log.length + size > LOG_LIMIT) {
                return new PairCounts(merged(), new long[0], distinct, false, new long[0]);
            }
            long[] log = Arrays.copyOf(from.log, from.log.length + size);
            System.arraycopy(batch, 0, log, from.log.length, size);
            return new PairCounts(from.base, log, distinct, from.extendsStored, batch);
        }
    }
}
