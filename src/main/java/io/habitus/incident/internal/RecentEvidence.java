package io.habitus.incident.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.habitus.incident.persistence.EvidenceRow;
import io.habitus.incident.persistence.EvidenceStore;
import io.habitus.incident.persistence.IncidentGrowth;
import io.habitus.incident.persistence.StoredEvidence;
import io.habitus.shared.database.AfterCommit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The evidence rows this replica last read or committed, with their incidents' standing, in front of
 * {@link EvidenceStore}. A committed batch still locks its containers' rows, but reads their pair
 * counts (up to 48 KB each) only when another replica wrote them since: the revision tells. A
 * what-if answers from a row this replica knew less than {@code habitus.incident.what-if-staleness}
 * ago without asking the database at all; its own commits are known at once, other replicas' (and
 * people's actions on other replicas) within that time.
 */
@Component
public class RecentEvidence {

    /** What the held rows may weigh in all: some 1,500 long-lived containers' mixes, many more young ones'. */
    private static final long MAX_BYTES = 150L << 20;
    /** A row's fields other than its pair counts, weighed as one figure. */
    private static final int ROW_BYTES = 256;

    /** A row as stored (null: no row) and when this replica knew it to be current. */
    private record Known(@Nullable StoredEvidence stored, long atNanos) {}

    private final EvidenceStore store;
    private final long stalenessNanos;
    private final Cache<String, Known> known;

    RecentEvidence(EvidenceStore store, IncidentProperties properties) {
        this.store = store;
        this.stalenessNanos = properties.whatIfStaleness().toNanos();
        // Bounded by the bytes of the pair counts held, not rows: a long-lived container's mix holds thousands of
        // pairs (about 24 bytes each in PairCounts' primitive maps, about 100 KB at the 4,096 a mix keeps), a young
        // one's a few.
        this.known = Caffeine.newBuilder()
                .maximumWeight(MAX_BYTES)
                .<String, Known>weigher((id, k) -> ROW_BYTES + (k.stored() == null ? 0
                        : (int) Math.min(Integer.MAX_VALUE - ROW_BYTES, k.stored().row().pairs().bytes())))
                .expireAfterAccess(Duration.ofMinutes(10))
                .build();
    }

    /** The containers' rows, locked until the transaction ends. */
    public Map<String, StoredEvidence> lock(Collection<String> containerIds) {
        return store.lock(containerIds, held(containerIds));
    }

    /** The containers' rows for a what-if: as this replica knows them if recently enough, else as stored. */
    public Map<String, StoredEvidence> find(Collection<String> containerIds) {
        Map<String, StoredEvidence> rows = new HashMap<>();
        List<String> stale = new ArrayList<>();
        long now = System.nanoTime();
        for (String id : containerIds) {
            Known k = known.getIfPresent(id);
            if (k != null && now - k.atNanos() < stalenessNanos) {
                if (k.stored() != null) {
                    rows.put(id, k.stored());
                }
            } else {
                stale.add(id);
            }
        }
        if (!stale.isEmpty()) {
            Map<String, StoredEvidence> read = store.find(stale, held(stale));
            for (String id : stale) {
                known.put(id, new Known(read.get(id), now));
            }
            rows.putAll(read);
        }
        return rows;
    }

    /**
     * Writes the rows and grows their incidents in the caller's transaction; this replica knows them,
     * with their incidents as the batch left them, once it committed.
     */
    public void save(List<StoredEvidence> updated, List<IncidentGrowth> growths, Instant at) {
        Map<String, StoredEvidence> byContainer = new HashMap<>();
        updated.forEach(u -> byContainer.put(u.row().containerId(), u));
        List<EvidenceRow> stored = store.save(updated.stream().map(StoredEvidence::row).toList(), growths, at);
        AfterCommit.runOrNow(() -> {
            long now = System.nanoTime();
            stored.forEach(row -> known.put(row.containerId(),
                    new Known(new StoredEvidence(row, byContainer.get(row.containerId()).incident()), now)));
        });
    }

    /** A person acted on the container's incident: the next what-if reads where it stands. */
    public void forget(String containerId) {
        known.invalidate(containerId);
        AfterCommit.runOrNow(() -> known.invalidate(containerId));
    }

    /** Locks the evidence row of the incident's container (if it has one) until the caller's transaction ends. */
    public void lockEpisodeOf(long incidentId) {
        store.lockRowOf(incidentId);
    }

    /** Ends a container's episode in the caller's transaction (its row is deleted). */
    public void endEpisode(String containerId, long incidentId) {
        forget(containerId);
        store.endEpisode(containerId, incidentId);
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
            if (k != null && k.stored() != null) {
                held.put(id, k.stored().row());
            }
        }
        return held;
    }

}
