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

    private static final String COLUMNS = """
            container_id, digest, detector_id, events, novel_events, evidence, peak_evidence, mix_evidence, violated,
            anomalous_events, model_evidence, incident_id, novel_locals, novel_actions, revision, rarity_level, rarity_peak,
            anomalous_seen, rarity_long_level""";

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

    EvidenceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows, locked until the transaction ends; pair counts from {@code held} where they are the stored ones. */
    public Map<String, EvidenceRow> lock(Collection<String> containerIds, Map<String, EvidenceRow> held) {
        return read("select " + COLUMNS + " from incident_evidence where container_id = any(?) order by container_id for update",
                containerIds.stream().sorted().toList(), held);
    }

    /** The rows as stored, read without locking; pair counts from {@code held} where they are the stored ones. */
    public Map<String, EvidenceRow> find(Collection<String> containerIds, Map<String, EvidenceRow> held) {
        return read("select " + COLUMNS + " from incident_evidence where container_id = any(?)", containerIds, held);
    }

    private Map<String, EvidenceRow> read(String sql, Collection<String> containerIds, Map<String, EvidenceRow> held) {
        Map<String, EvidenceRow> rows = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        jdbc.query(sql, rs -> {
            String id = rs.getString(1);
            long revision = rs.getLong(15);
            EvidenceRow known = held.get(id);
            PairCounts pairs = known != null && known.revision() == revision ? known.pairs() : null;
            if (pairs == null) {
                unknown.add(id);
            }
            rows.put(id, new EvidenceRow(id, rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(13),
                    rs.getLong(14), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getBoolean(9), rs.getLong(10),
                    rs.getDouble(11), rs.getDouble(16), rs.getDouble(19), rs.getDouble(17), rs.getBytes(18), pairs, (Long) rs.getObject(12), revision));
        }, (Object) containerIds.toArray(String[]::new));
        if (!unknown.isEmpty()) {
            jdbc.query("select container_id, pair_counts, pair_log from incident_evidence where container_id = any(?)", rs -> {
                EvidenceRow row = rows.get(rs.getString(1));
                rows.put(row.containerId(), withPairs(row, PairCounts.stored(rs.getBytes(2), rs.getBytes(3))));
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
     * Writes the rows, each under a new revision: pair counts whole where they must be (a new
     * episode, a full log), else only the batch's pairs appended to the stored log. Returns the rows
     * as stored, for the caller to hold.
     */
    public List<EvidenceRow> save(List<EvidenceRow> rows, Instant at) {
        List<EvidenceRow> sorted = rows.stream().sorted(Comparator.comparing(EvidenceRow::containerId)).toList();
        List<EvidenceRow> whole = sorted.stream().filter(r -> r.pairs().rewrite()).toList();
        List<EvidenceRow> appended = sorted.stream().filter(r -> !r.pairs().rewrite()).toList();
        List<EvidenceRow> stored = new ArrayList<>(sorted.size());
        if (!whole.isEmpty()) {
            stored.addAll(write(UPSERT + "  pair_counts = excluded.pair_counts, pair_log = excluded.pair_log", whole, at, true));
        }
        if (!appended.isEmpty()) {
            stored.addAll(write(UPSERT + "  pair_log = incident_evidence.pair_log || excluded.pair_log", appended, at, false));
        }
        return stored;
    }

    private List<EvidenceRow> write(String sql, List<EvidenceRow> rows, Instant at, boolean whole) {
        long[] revisions = ThreadLocalRandom.current().longs(rows.size()).toArray();
        jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                EvidenceRow r = rows.get(i);
                ps.setString(1, r.containerId());
                ps.setString(2, r.digest());
                ps.setLong(3, r.detectorId());
                ps.setLong(4, r.events());
                ps.setLong(5, r.novelEvents());
                ps.setDouble(6, r.evidence());
                ps.setDouble(7, r.peakEvidence());
                ps.setDouble(8, r.mixEvidence());
                ps.setBoolean(9, r.violated());
                ps.setLong(10, r.anomalousEvents());
                ps.setDouble(11, r.modelEvidence());
                // Appending rows exist (they were locked): their base is not written, only the log's tail.
                ps.setBytes(12, whole ? r.pairs().baseBytes() : new byte[0]);
                ps.setObject(13, r.incidentId());
                ps.setTimestamp(14, Timestamp.from(at));
                ps.setLong(15, r.novelLocals());
                ps.setLong(16, r.novelActions());
                ps.setBytes(17, whole ? r.pairs().logBytes() : r.pairs().appendedBytes());
                ps.setLong(18, revisions[i]);
                ps.setDouble(19, r.rarityLevel());
                ps.setDouble(20, r.rarityPeak());
                ps.setBytes(21, r.anomalousSeen());
                ps.setDouble(22, r.rarityLongLevel());
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

    /** Ends a container's episode: its next event starts from no evidence. */
    public void endEpisode(String containerId, long incidentId) {
        jdbc.update("delete from incident_evidence where container_id = ? and incident_id = ?", containerId, incidentId);
    }

    public int forgetIdleSince(Instant before) {
        return jdbc.update("delete from incident_evidence where updated_at < ?", Timestamp.from(before));
    }
}
