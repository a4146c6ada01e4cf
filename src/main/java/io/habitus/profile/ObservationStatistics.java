package io.habitus.profile;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.habitus.profile.persistence.LearningStore;
import io.habitus.profile.persistence.ObservationDelta;
import io.habitus.profile.persistence.ObservationStore;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts of learning windows (per token, per container, events and times), summed in memory and
 * written once a second, for the same reason as the image statistics: every batch of an image
 * would otherwise update the same rows inside its transaction and batches would queue. Which
 * tokens a window saw is written in the ingest transaction (ObservationRecorder); only counts can
 * lag, by at most a second, and a crash loses at most that second of counts, never a token.
 */
@Component
class ObservationStatistics {

    private static final Logger log = LoggerFactory.getLogger(ObservationStatistics.class);

    private record WindowKey(String digest, int window) implements Comparable<WindowKey> {
        @Override
        public int compareTo(WindowKey other) {
            int c = digest.compareTo(other.digest);
            return c != 0 ? c : Integer.compare(window, other.window);
        }
    }

    private final ObservationStore observations;
    private final LearningStore learning;
    private final TransactionTemplate transaction;
    /** Which containers were already written for a token, so steady traffic does not rewrite them every second. */
    private final Cache<String, Boolean> writtenContainers = Caffeine.newBuilder().maximumSize(2_000_000).build();
    private Map<WindowKey, WindowFold> pending = new TreeMap<>();

    ObservationStatistics(ObservationStore observations, LearningStore learning, PlatformTransactionManager transactions) {
        this.observations = observations;
        this.learning = learning;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    synchronized void add(String digest, int window, WindowFold fold) {
        pending.merge(new WindowKey(digest, window), fold, (a, b) -> {
            a.merge(b);
            return a;
        });
    }

    /** Writes what is pending, windows in key order; on failure keeps it for the next attempt. */
    void flush() {
        Map<WindowKey, WindowFold> taken;
        synchronized (this) {
            if (pending.isEmpty()) {
                return;
            }
            taken = pending;
            pending = new TreeMap<>();
        }
        List<String> written = new ArrayList<>();
        try {
            transaction.executeWithoutResult(status -> taken.forEach((key, fold) -> {
                if (!fold.tokens.isEmpty()) {
                    observations.record(key.digest(), key.window(), fold.deltas().stream()
                            .map(delta -> withUnwrittenContainers(key, delta, written)).toList());
                }
                observations.recordContainers(key.digest(), key.window(), fold.containerDeltas());
                learning.addEvents(key.digest(), key.window(), fold.events, fold.first, fold.last);
            }));
        } catch (RuntimeException e) {
            taken.forEach((key, fold) -> add(key.digest(), key.window(), fold));
            throw e;
        }
        written.forEach(k -> writtenContainers.put(k, Boolean.TRUE));
    }

    private ObservationDelta withUnwrittenContainers(WindowKey key, ObservationDelta delta, List<String> written) {
        Set<String> unwritten = new HashSet<>();
        for (String container : delta.containers()) {
            String k = key.digest() + '\u0000' + key.window() + '\u0000' + delta.kind() + '\u0000' + delta.pattern()
                    + '\u0000' + container;
            if (writtenContainers.getIfPresent(k) == null) {
                unwritten.add(container);
                written.add(k);
            }
        }
        return new ObservationDelta(delta.kind(), delta.pattern(), delta.count(), delta.firstSeen(), delta.lastSeen(),
                delta.examples(), unwritten);
    }

    @Scheduled(fixedDelayString = "${habitus.learning.statistics-interval:1s}")
    void flushPeriodically() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("writing learning statistics failed; keeping them for the next attempt: {}", e.getMessage());
        }
    }

    @PreDestroy
    void flushOnShutdown() {
        flushPeriodically();
    }
}
