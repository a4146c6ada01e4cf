package io.habitus.profile.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.habitus.profile.persistence.LearningStore;
import io.habitus.profile.persistence.ObservationDelta;
import io.habitus.profile.persistence.ObservationStore;
import io.habitus.shared.database.AfterCommit;
import io.habitus.shared.database.PendingWrites;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Counts of learning windows (per token, per container, events and times), summed in memory and
 * written once a second ({@link PendingWrites}), windows in key order. Which tokens a window saw
 * is written in the ingest transaction (ObservationRecorder); only counts can lag, by at most a
 * second, and a crash loses at most that second of counts, never a token.
 */
@Component
public class ObservationStatistics {

    private record WindowKey(String digest, int window) implements Comparable<WindowKey> {
        @Override
        public int compareTo(WindowKey other) {
            int c = digest.compareTo(other.digest);
            return c != 0 ? c : Integer.compare(window, other.window);
        }
    }

    private final ObservationStore observations;
    private final LearningStore learning;
    /** Which containers were already written for a token, so steady traffic does not rewrite them every second. */
    private final Cache<String, Boolean> writtenContainers = Caffeine.newBuilder().maximumSize(2_000_000).build();
    private final PendingWrites<TreeMap<WindowKey, WindowFold>> pending;

    ObservationStatistics(ObservationStore observations, LearningStore learning, PlatformTransactionManager transactions) {
        this.observations = observations;
        this.learning = learning;
        this.pending = new PendingWrites<>("learning statistics", transactions, TreeMap::new, (into, delta) -> {
            delta.forEach((key, fold) -> into.merge(key, fold, (a, b) -> {
                a.merge(b);
                return a;
            }));
            return into;
        }, TreeMap::isEmpty, this::write);
    }

    public void add(String digest, int window, WindowFold fold) {
        TreeMap<WindowKey, WindowFold> delta = new TreeMap<>();
        delta.put(new WindowKey(digest, window), fold);
        pending.add(delta);
    }

    public void flush() {
        pending.flush();
    }

    @Scheduled(fixedDelayString = "${habitus.learning.statistics-interval:1s}")
    @PreDestroy
    void flushPeriodically() {
        pending.flushOrKeep();
    }

    private void write(TreeMap<WindowKey, WindowFold> folds) {
        List<String> written = new ArrayList<>();
        folds.forEach((key, fold) -> {
            if (!fold.tokens.isEmpty()) {
                observations.record(key.digest(), key.window(), fold.deltas().stream()
                        .map(delta -> withUnwrittenContainers(key, delta, written)).toList());
            }
            observations.recordContainers(key.digest(), key.window(), fold.containerDeltas());
            learning.addEvents(key.digest(), key.window(), fold.events, fold.first, fold.last);
        });
        AfterCommit.run(() -> written.forEach(k -> writtenContainers.put(k, Boolean.TRUE)));
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
}
