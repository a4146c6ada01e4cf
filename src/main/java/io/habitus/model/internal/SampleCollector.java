package io.habitus.model.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.habitus.behavior.ObservedTransition;
import io.habitus.model.sample.SampleRow;
import io.habitus.model.sample.SampleStore;
import io.habitus.model.sample.SampledTransition;
import io.habitus.profile.LearningTransitions;
import io.habitus.shared.database.AfterCommit;
import io.habitus.shared.database.PendingWrites;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Collects each learning window's training sample. The transitions of a batch that are new to the
 * window are stored in ingest's transaction as one chunk, with how often the batch showed them (up
 * to {@link ModelProperties#maxSample()} distinct ones per window; the bound is tracked per
 * replica, so several replicas may overshoot it slightly). Later occurrences of stored transitions
 * are summed in memory and written every {@code habitus.model.sample-count-interval} ({@link PendingWrites}).
 */
@Component
public class SampleCollector {

    private final SampleStore store;
    private final ModelProperties properties;
    private final Counter dropped;
    private final Cache<String, Boolean> stored = Caffeine.newBuilder().maximumSize(2_000_000).build();
    private final Map<String, AtomicInteger> distinct = new ConcurrentHashMap<>();
    private final PendingWrites<HashMap<CountKey, Long>> pendingCounts;

    /** Sorted when written, so that flushes of several replicas update rows in the same order. */
    private record CountKey(String digest, int window, String key) implements Comparable<CountKey> {
        @Override
        public int compareTo(CountKey o) {
            // The key first: hashes differ within a character or two, digests only after 7 + 64.
            int c = key.compareTo(o.key);
            if (c == 0) {
                c = digest.compareTo(o.digest);
            }
            return c != 0 ? c : Integer.compare(window, o.window);
        }
    }

    SampleCollector(SampleStore store, ModelProperties properties, PlatformTransactionManager transactions,
            MeterRegistry meters) {
        this.store = store;
        this.properties = properties;
        // Summed in a hash map (every learning batch merges into it, under PendingWrites' lock) and
        // sorted once per write: a sorted map compared 43-character keys on every merge.
        this.pendingCounts = new PendingWrites<>("sample counts", transactions, HashMap::new, (into, delta) -> {
            delta.forEach((key, count) -> into.merge(key, count, Long::sum));
            return into;
        }, HashMap::isEmpty, counts -> store.addCounts(new TreeMap<>(counts).entrySet().stream()
                .map(e -> new Object[] {e.getValue(), e.getKey().digest(), e.getKey().window(), e.getKey().key()})
                .toList()));
        this.dropped = Counter.builder("habitus.model.sample.dropped")
                .description("Distinct transitions not kept because a window's sample was full")
                .register(meters);
    }

    /** Adds a batch's transitions to their window's sample, in the caller's transaction. */
    public void collect(LearningTransitions learned) {
        String window = learned.digest() + '\u0000' + learned.window();
        Map<String, SampledTransition> fresh = new LinkedHashMap<>();
        Map<String, Long> counts = new HashMap<>();
        for (ObservedTransition observed : learned.transitions()) {
            SampledTransition transition = SampledTransition.of(observed);
            String key = transition.key();
            if (counts.merge(key, 1L, Long::sum) == 1 && stored.getIfPresent(window + '\u0000' + key) == null) {
                fresh.put(key, transition);
            }
        }
        AtomicInteger size = distinct.computeIfAbsent(window,
                w -> new AtomicInteger(store.countDistinct(learned.digest(), learned.window())));
        List<SampleRow> admitted = new ArrayList<>();
        for (SampledTransition t : fresh.values()) {
            // A fresh transition's occurrences in this batch travel with it; only later ones are counted apart.
            Long occurrences = counts.remove(t.key());
            if (size.get() + admitted.size() < properties.maxSample()) {
                admitted.add(new SampleRow(t, occurrences));
            } else {
                dropped.increment();
            }
        }
        store.append(learned.digest(), learned.window(), admitted);
        AfterCommit.run(() -> {
            size.addAndGet(admitted.size());
            admitted.forEach(row -> stored.put(window + '\u0000' + row.transition().key(), Boolean.TRUE));
            addCounts(learned.digest(), learned.window(), counts);
        });
    }

    private void addCounts(String digest, int window, Map<String, Long> counts) {
        HashMap<CountKey, Long> delta = HashMap.newHashMap(counts.size());
        counts.forEach((key, count) -> delta.put(new CountKey(digest, window, key), count));
        pendingCounts.add(delta);
    }

    /** Writes pending counts; called every sample-count interval and before a sample is read. */
    public void flush() {
        pendingCounts.flush();
    }

    /**
     * Every 10 s by default: frequent transitions recur many times in that time and are written
     * once, and training reads the sample only after {@link #flush()} anyway.
     */
    @Scheduled(fixedDelayString = "${habitus.model.sample-count-interval:10s}")
    @PreDestroy
    void flushPeriodically() {
        pendingCounts.flushOrKeep();
    }
}
