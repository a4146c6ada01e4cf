package io.habitus.model;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.habitus.behavior.ObservedTransition;
import io.habitus.model.sample.SampleStore;
import io.habitus.model.sample.SampledTransition;
import io.habitus.profile.LearningTransitions;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Collects each learning window's training sample. A transition new to the window is stored in
 * ingest's transaction (up to {@link ModelProperties#maxSample()} distinct ones per window; the
 * bound is tracked per replica, so several replicas may overshoot it slightly); how often each
 * occurred is summed in memory and written once a second, like the other learning statistics.
 */
@Component
class SampleCollector {

    private static final Logger log = LoggerFactory.getLogger(SampleCollector.class);

    private final SampleStore store;
    private final ModelProperties properties;
    private final TransactionTemplate transaction;
    private final Counter dropped;
    private final Cache<String, Boolean> stored = Caffeine.newBuilder().maximumSize(2_000_000).build();
    private final Map<String, AtomicInteger> distinct = new ConcurrentHashMap<>();
    private Map<CountKey, Long> pendingCounts = new TreeMap<>();

    /** Sorted, so that flushes of several replicas update rows in the same order. */
    private record CountKey(String digest, int window, String key) implements Comparable<CountKey> {
        @Override
        public int compareTo(CountKey o) {
            int c = digest.compareTo(o.digest);
            if (c == 0) {
                c = Integer.compare(window, o.window);
            }
            return c != 0 ? c : key.compareTo(o.key);
        }
    }

    SampleCollector(SampleStore store, ModelProperties properties, PlatformTransactionManager transactions,
            MeterRegistry meters) {
        this.store = store;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.dropped = Counter.builder("habitus.model.sample.dropped")
                .description("Distinct transitions not kept because a window's sample was full")
                .register(meters);
    }

    @EventListener
    void on(LearningTransitions learned) {
        String window = learned.digest() + '\u0000' + learned.window();
        Map<String, SampledTransition> fresh = new LinkedHashMap<>();
        Map<String, Long> counts = new HashMap<>();
        for (ObservedTransition observed : learned.transitions()) {
            SampledTransition transition = SampledTransition.of(observed);
            counts.merge(transition.key(), 1L, Long::sum);
            if (stored.getIfPresent(window + '\u0000' + transition.key()) == null) {
                fresh.putIfAbsent(transition.key(), transition);
            }
        }
        AtomicInteger size = distinct.computeIfAbsent(window,
                w -> new AtomicInteger(store.countDistinct(learned.digest(), learned.window())));
        List<SampledTransition> admitted = new ArrayList<>();
        for (SampledTransition t : fresh.values()) {
            if (size.get() + admitted.size() < properties.maxSample()) {
                admitted.add(t);
            } else {
                counts.remove(t.key());
                dropped.increment();
            }
        }
        int inserted = admitted.isEmpty() ? 0 : store.insertNew(learned.digest(), learned.window(), admitted);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                size.addAndGet(inserted);
                admitted.forEach(t -> stored.put(window + '\u0000' + t.key(), Boolean.TRUE));
                addCounts(learned.digest(), learned.window(), counts);
            }
        });
    }

    private synchronized void addCounts(String digest, int window, Map<String, Long> counts) {
        counts.forEach((key, count) -> pendingCounts.merge(new CountKey(digest, window, key), count, Long::sum));
    }

    /** Writes pending counts; called once a second and before a sample is read. */
    void flush() {
        Map<CountKey, Long> taken;
        synchronized (this) {
            if (pendingCounts.isEmpty()) {
                return;
            }
            taken = pendingCounts;
            pendingCounts = new TreeMap<>();
        }
        try {
            transaction.executeWithoutResult(status -> store.addCounts(taken.entrySet().stream()
                    .map(e -> new Object[] {e.getValue(), e.getKey().digest(), e.getKey().window(), e.getKey().key()})
                    .toList()));
        } catch (RuntimeException e) {
            taken.forEach((key, count) -> addCounts(key.digest(), key.window(), Map.of(key.key(), count)));
            throw e;
        }
    }

    @Scheduled(fixedDelayString = "${habitus.learning.statistics-interval:1s}")
    void flushPeriodically() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("writing sample counts failed; keeping them for the next attempt: {}", e.getMessage());
        }
    }

    @PreDestroy
    void flushOnShutdown() {
        flushPeriodically();
    }
}
