package io.habitus.behavior.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.habitus.behavior.persistence.ContainerStateStore;
import io.habitus.behavior.persistence.StateRow;
import io.habitus.shared.database.AfterCommit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The container states this replica last committed or read, for what-if calls: a what-if of a
 * container whose state this replica knew less than {@code habitus.behavior.what-if-staleness} ago
 * starts from that state without asking the database. This replica's own commits are known at
 * once, other replicas' within that time. Committed batches always lock the stored state, and read it
 * only when this replica does not hold the revision they locked ({@link #lockedStates}).
 */
@Component
public class RecentStates {

    /** A state as stored (null: none), its revision (0: not known) and when this replica knew it to be current. */
    private record Known(@Nullable StateRow row, long revision, long atNanos) {}

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
                known.put(id, new Known(read.get(id), 0, now));
            }
            rows.putAll(read);
        }
        return rows;
    }

    /**
     * For a committed batch: the stored states of the locked containers ({@code revisions}: each one's
     * stored revision), from memory where this replica holds that very revision, else read. However
     * old, a held state is the stored one when its revision is: no staleness applies.
     */
    public Map<String, StateRow> lockedStates(Map<String, Long> revisions) {
        Map<String, StateRow> rows = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        revisions.forEach((id, revision) -> {
            Known k = known.getIfPresent(id);
            if (k != null && k.row() != null && k.revision() != 0 && k.revision() == revision) {
                rows.put(id, k.row());
            } else {
                unknown.add(id);
            }
        });
        if (!unknown.isEmpty()) {
            rows.putAll(store.read(unknown));
        }
        return rows;
    }

    /** States written in the caller's transaction under these revisions: known once it committed (never if it rolls back). */
    public void committed(List<StateRow> rows, Map<String, Long> revisions) {
        AfterCommit.run(() -> {
            long now = System.nanoTime();
            rows.forEach(row -> known.put(row.containerId(), new Known(row, revisions.getOrDefault(row.containerId(), 0L), now)));
        });
    }
}
