package io.habitus.behavior.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.habitus.behavior.persistence.ContainerStateStore;
import io.habitus.behavior.persistence.StateRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The container states this replica last committed or read, for what-if calls: a what-if of a
 * container whose state this replica knew less than {@code habitus.behavior.what-if-staleness} ago
 * starts from that state without asking the database. This replica's own commits are known at
 * once, other replicas' within that time. Committed batches always lock and read the stored state.
 */
@Component
public class RecentStates {

    /** A state as stored (null: none) and when this replica knew it to be current. */
    private record Known(StateRow row, long atNanos) {}

    private final ContainerStateStore store;
    private final long stalenessNanos;
    private final Cache<String, Known> known = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    RecentStates(ContainerStateStore store, BehaviorProperties properties) {
        this.store = store;
        this.stalenessNanos = properties.whatIfStaleness().toNanos();
    }

    public Map<String, StateRow> read(Collection<String> containerIds) {
        Map<String, StateRow> rows = new HashMap<>();
        List<String> stale = new ArrayList<>();
        long now = System.nanoTime();
        for (String id : containerIds) {
            Known k = known.getIfPresent(id);
            if (k != null && now - k.atNanos() < stalenessNanos) {
                if (k.row() != null) {
                    rows.put(id, k.row());
                }
            } else {
                stale.add(id);
            }
        }
        if (!stale.isEmpty()) {
            Map<String, StateRow> read = store.read(stale);
            for (String id : stale) {
                known.put(id, new Known(read.get(id), now));
            }
            rows.putAll(read);
        }
        return rows;
    }

    /** States written in the caller's transaction: known once it committed (never if it rolls back). */
    public void committed(List<StateRow> rows) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                long now = System.nanoTime();
                rows.forEach(row -> known.put(row.containerId(), new Known(row, now)));
            }
        });
    }
}
