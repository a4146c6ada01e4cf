package io.habitus.incident.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.habitus.incident.persistence.EvidenceRow;
import io.habitus.incident.persistence.EvidenceStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The evidence rows this replica last read or committed, in front of {@link EvidenceStore}. A
 * committed batch still locks its containers' rows, but reads their pair counts (up to 48 KB each)
 * only when another replica wrote them since: the revision tells. A what-if answers from a row
 * this replica knew less than {@code habitus.incident.what-if-staleness} ago without asking the
 * database at all; its own commits are known at once, other replicas' within that time.
 */
@Component
public class RecentEvidence {

    /** A row as stored (null: no row) and when this replica knew it to be current. */
    private record Known(EvidenceRow row, long atNanos) {}

    private final EvidenceStore store;
    private final long stalenessNanos;
    private final Cache<String, Known> known;

    RecentEvidence(EvidenceStore store, IncidentProperties properties) {
        this.store = store;
        this.stalenessNanos = properties.whatIfStaleness().toNanos();
        // Bounded by pairs held (about 70 bytes each), not rows: a long-lived container holds thousands.
        this.known = Caffeine.newBuilder()
                .maximumWeight(2_000_000)
                .<String, Known>weigher((id, k) -> 1 + (k.row() == null ? 0 : k.row().pairs().size()))
                .expireAfterAccess(Duration.ofMinutes(10))
                .build();
    }

    /** The containers' rows, locked until the transaction ends. */
    public Map<String, EvidenceRow> lock(Collection<String> containerIds) {
        return store.lock(containerIds, held(containerIds));
    }

    /** The containers' rows for a what-if: as this replica knows them if recently enough, else as stored. */
    public Map<String, EvidenceRow> find(Collection<String> containerIds) {
        Map<String, EvidenceRow> rows = new HashMap<>();
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
            Map<String, EvidenceRow> read = store.find(stale, held(stale));
            for (String id : stale) {
                known.put(id, new Known(read.get(id), now));
            }
            rows.putAll(read);
        }
        return rows;
    }

    /** Writes the rows in the caller's transaction; this replica knows them once it committed. */
    public void save(List<EvidenceRow> rows, Instant at) {
        List<EvidenceRow> stored = store.save(rows, at);
        afterCommit(() -> {
            long now = System.nanoTime();
            stored.forEach(row -> known.put(row.containerId(), new Known(row, now)));
        });
    }

    /** Ends a container's episode in the caller's transaction (its row is deleted). */
    public void endEpisode(String containerId, long incidentId) {
        known.invalidate(containerId);
        store.endEpisode(containerId, incidentId);
        afterCommit(() -> known.invalidate(containerId));
    }

    public int forgetIdleSince(Instant before) {
        int forgotten = store.forgetIdleSince(before);
        if (forgotten > 0) {
            known.invalidateAll();
        }
        return forgotten;
    }

    private Map<String, EvidenceRow> held(Collection<String> containerIds) {
        Map<String, EvidenceRow> held = new HashMap<>();
        for (String id : containerIds) {
            Known k = known.getIfPresent(id);
            if (k != null && k.row() != null) {
                held.put(id, k.row());
            }
        }
        return held;
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
