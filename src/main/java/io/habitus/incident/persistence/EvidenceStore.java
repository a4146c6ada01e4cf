package io.habitus.incident.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Containers' running evidence. Rows are locked in container-id order before they advance, as
 * container states are, so two replicas judging one container apply its batches one after the other.
 * The pair counts are read only for rows whose stored revision differs from the counts the caller
 * already holds ({@link PairCounts}: the counts are large, and a replica usually holds them).
 */
@Repository
public class EvidenceStore {

    /** The row's columns, then its incident's standing (columns 20 to 29, null without one). */
    private static final String COLUMNS = """
            e.container_id, e.digest, e.detector_id, e.events, e.novel_events, e.evidence, e.peak_evidence, e.mix_evidence,
            e.violated, e.anomalous_events, e.model_evidence, e.incident_id, e.novel_locals, e.novel_actions, e.revision,
            e.rarity_level, e.rarity_peak, e.anomalous_seen, e.rarity_long_level,
            i.id, i.digest, i.container_id, i.node, i.status, i.severity, i.dry_run, i.opened_at, i.reason_count, i.opened_by
            from incident_evidence e left join incident i on i.id = e.incident_id""";

    private static final String UPSERT = """
            insert into incident_evidence (container_id, digest, detector_id, events, novel_events, evidence, peak_evidence,
                                           mix_evidence, violated, anomalous_events, model_evidence, pair_counts,
                                           incident_id, updated_at, novel_locals, novel_actions, pair_log, revision,
                                           rarity_level, rarity_peak, anomalous_seen, rarity_long_level)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (container_id) do update set digest = excluded.digest, detector_id = excluded.detector_id,
              events = excluded.events, novel_events = excluded.novel_events, evidence = excluded.evidence,
              peak_evidence = excluded.peak_evidence, mix_evidence = excluded.mix_evidence, violated = excluded.violated,
              anomalous_events = excluded.anomalous_events, model_evidence = excluded.model_evidence,
              incident_id = excluded.incident_id, updated_at = excluded.updated_at,
              novel_locals = excluded.novel_locals, novel_actions = excluded.novel_actions, revision = excluded.revision,
              rarity_level = excluded.rarity_level, rarity_peak = excluded.rarity_peak, anomalous_seen = excluded.anomalous_seen,
              rarity_long_level = excluded.rarity_long_level,
            """;

    private final JdbcTemplate jdbc;
    private final IncidentStore incidents;

    EvidenceStore(JdbcTemplate jdbc, IncidentStore incidents) {
        this.jdbc = jdbc;
        this.incidents = incidents;
    }

    /**
     * The rows, locked until the transaction ends (their incidents are not: people act on those), with
     * their incidents' standing; pair counts from {@code held} where they are the stored ones.
     */
    public Map<String, StoredEvidence> lock(Collection<String> containerIds, Map<String, EvidenceRow> held) {
        return read("select " + COLUMNS + " where e.container_id = any(?) order by e.container_id for update of e",
                containerIds.stream().sorted().toList(), held);
    }

    /** The rows as stored, read without locking; pair counts from {@code held} where they are the stored ones. */
    public Map<String, StoredEvidence> find(Collection<String> containerIds, Map<String, EvidenceRow> held) {
        return read("select " + COLUMNS + " where e.container_id = any(?)", containerIds, held);
    }

    private Map<String, StoredEvidence> read(String sql, Collection<String> containerIds, Map<String, EvidenceRow> held) {
        Map<String, StoredEvidence> rows = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        jdbc.query(sql, rs -> {
            String id = rs.getString(1);
            long revision = rs.getLong(15);
            EvidenceRow known = held.get(id);
            PairCounts pairs = known != null && known.revision() == revision ? known.pairs() : null;
            if (pairs == null) {
                unknown.add(id);
            }
            EvidenceRow row = new EvidenceRow(id, rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(13),
                    rs.getLong(14), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getBoolean(9), rs.getLong(10),
                    rs.getDouble(11), rs.getDouble(16), rs.getDouble(19), rs.getDouble(17), rs.getBytes(18), pairs,
                    (Long) rs.getObject(12), revision);
            rows.put(id, new StoredEvidence(row, rs.getObject(20) == null ? null : IncidentStore.standing(rs, 20)));
        }, (Object) containerIds.toArray(String[]::new));
        if (!unknown.isEmpty()) {
            jdbc.query("select container_id, pair_counts, pair_log from incident_evidence where container_id = any(?)", rs -> {
                StoredEvidence stored = rows.get(rs.getString(1));
                rows.put(stored.row().containerId(), new StoredEvidence(withPairs(stored.row(),
                        PairCounts.stored(rs.getBytes(2), rs.getBytes(3))), stored.incident()));
            }, (Object) unknown.toArray(String[]::new));
        }
        return rows;
    }

    private static EvidenceRow withPairs(EvidenceRow r, PairCounts pairs) {
        return new EvidenceRow(r.containerId(), r.digest(), r.detectorId(), r.events(), r.novelEvents(), r.novelLocals(),
                r.novelActions(), r.evidence(), r.peakEvidence(), r.mixEvidence(), r.violated(), r.anomalousEvents(),
                r.modelEvidence(), r.rarityLevel(), r.rarityLongLevel(), r.rarityPeak(), r.anomalousSeen(), pairs, r.incidentId(), r.revision());
    }

    /**
     * Writes the rows, each under a new revision, and grows their incidents ({@code growths}, by
     * incident id) in the same statements: pair counts whole where they must be (a new episode, a full
     * log), else only the batch's pairs appended to the stored log. Returns the rows as stored, for
     * the caller to hold.
     */
    public List<EvidenceRow> save(List<EvidenceRow> rows, List<IncidentGrowth> growths, Instant at) {
        Map<Long, IncidentGrowth> growthOf = new HashMap<>();
        growths.forEach(g -> growthOf.put(g.id(), g));
        List<EvidenceRow> stored = new ArrayList<>(rows.size());
        for (boolean whole : new boolean[] {true, false}) {
            for (boolean grows : new boolean[] {true, false}) {
                List<EvidenceRow> part = rows.stream()
                        .filter(r -> r.pairs().rewrite() == whole && (r.incidentId() != null && growthOf.containsKey(r.incidentId())) == grows)
                        .sorted(Comparator.comparing(EvidenceRow::containerId)).toList();
                if (!part.isEmpty()) {
                    stored.addAll(write(part, whole, grows ? growthOf : Map.of(), at));
                }
            }
        }
        return stored;
    }

    private List<EvidenceRow> write(List<EvidenceRow> rows, boolean whole, Map<Long, IncidentGrowth> growthOf, Instant at) {
        // A data-modifying WITH runs whether or not the insert reads it: one round trip for both writes.
        String sql = (growthOf.isEmpty() ? "" : "with grown as (" + IncidentStore.GROW + ") ") + UPSERT
                + (whole ? "  pair_counts = excluded.pair_counts, pair_log = excluded.pair_log"
                        : "  pair_log = incident_evidence.pair_log || excluded.pair_log");
        long[] revisions = ThreadLocalRandom.current().longs(rows.size()).toArray();
        Timestamp now = Timestamp.from(at);
        jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                EvidenceRow r = rows.get(i);
                // The growth's parameters come first (they are the WITH's), the row's after them.
                int o = growthOf.isEmpty() ? 0 : incidents.bindGrowth(ps, growthOf.get(r.incidentId()), now);
                ps.setString(o + 1, r.containerId());
                ps.setString(o + 2, r.digest());
                ps.setLong(o + 3, r.detectorId());
                ps.setLong(o + 4, r.events());
                ps.setLong(o + 5, r.novelEvents());
                ps.setDouble(o + 6, r.evidence());
                ps.setDouble(o + 7, r.peakEvidence());
                ps.setDouble(o + 8, r.mixEvidence());
                ps.setBoolean(o + 9, r.violated());
                ps.setLong(o + 10, r.anomalousEvents());
                ps.setDouble(o + 11, r.modelEvidence());
                // Appending rows exist (they were locked): their base is not written, only the log's tail.
                ps.setBytes(o + 12, whole ? r.pairs().baseBytes() : new byte[0]);
                ps.setObject(o + 13, r.incidentId());
                ps.setTimestamp(o + 14, now);
                ps.setLong(o + 15, r.novelLocals());
                ps.setLong(o + 16, r.novelActions());
                ps.setBytes(o + 17, whole ? r.pairs().logBytes() : r.pairs().appendedBytes());
                ps.setLong(o + 18, revisions[i]);
                ps.setDouble(o + 19, r.rarityLevel());
                ps.setDouble(o + 20, r.rarityPeak());
                ps.setBytes(o + 21, r.anomalousSeen());
                ps.setDouble(o + 22, r.rarityLongLevel());
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
        List<EvidenceRow> stored = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            EvidenceRow r = rows.get(i);
            stored.add(new EvidenceRow(r.containerId(), r.digest(), r.detectorId(), r.events(), r.novelEvents(),
                    r.novelLocals(), r.novelActions(), r.evidence(), r.peakEvidence(), r.mixEvidence(), r.violated(),
                    r.anomalousEvents(), r.modelEvidence(), r.rarityLevel(), r.rarityLongLevel(), r.rarityPeak(), r.anomalousSeen(), r.pairs().asStored(),
                    r.incidentId(),
                    revisions[i]));
        }
        return stored;
    }

    /** Locks the evidence row of the incident's container, if any, until the transaction ends (without reading it). */
    public void lockRowOf(long incidentId) {
        jdbc.query("""
                select 1 from incident_evidence e join incident i on i.container_id = e.container_id
                where i.id = ? for update of e""", rs -> {}, incidentId);
    }

    /** Ends a container's episode: its next event starts from no evidence. */
    public void endEpisode(String containerId, long incidentId) {
        jdbc.update("delete from incident_evidence where container_id = ? and incident_id = ?", containerId, incidentId);
    }

    public int forgetIdleSince(Instant before) {
        return jdbc.update("delete from incident_evidence where updated_at < ?", Timestamp.from(before));
    }
}
