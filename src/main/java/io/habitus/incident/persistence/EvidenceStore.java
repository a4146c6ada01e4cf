package io.habitus.incident.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Containers' running evidence. Rows are locked in container-id order before they advance, as
 * container states are, so two replicas judging one container apply its batches one after the other.
 */
@Repository
public class EvidenceStore {

    private static final String COLUMNS = """
            container_id, digest, detector_id, events, novel_events, evidence, peak_evidence, mix_evidence, violated,
            anomalous_events, model_evidence, pair_counts, incident_id, novel_locals, novel_actions""";

    private final JdbcTemplate jdbc;

    EvidenceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, EvidenceRow> lock(Collection<String> containerIds) {
        return read("select " + COLUMNS + " from incident_evidence where container_id = any(?) order by container_id for update",
                containerIds);
    }

    public Map<String, EvidenceRow> find(Collection<String> containerIds) {
        return read("select " + COLUMNS + " from incident_evidence where container_id = any(?)", containerIds);
    }

    private Map<String, EvidenceRow> read(String sql, Collection<String> containerIds) {
        Map<String, EvidenceRow> rows = new HashMap<>();
        jdbc.query(sql, rs -> {
            rows.put(rs.getString(1), new EvidenceRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                    rs.getLong(5), rs.getLong(14), rs.getLong(15), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getBoolean(9), rs.getLong(10),
                    rs.getDouble(11), rs.getBytes(12), (Long) rs.getObject(13)));
        }, (Object) containerIds.toArray(String[]::new));
        return rows;
    }

    public void save(List<EvidenceRow> rows, Instant at) {
        List<EvidenceRow> sorted = rows.stream().sorted(Comparator.comparing(EvidenceRow::containerId)).toList();
        jdbc.batchUpdate("""
                insert into incident_evidence (container_id, digest, detector_id, events, novel_events, evidence, peak_evidence,
                                               mix_evidence, violated, anomalous_events, model_evidence, pair_counts,
                                               incident_id, updated_at, novel_locals, novel_actions)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (container_id) do update set digest = excluded.digest, detector_id = excluded.detector_id,
                  events = excluded.events, novel_events = excluded.novel_events, evidence = excluded.evidence,
                  peak_evidence = excluded.peak_evidence, mix_evidence = excluded.mix_evidence, violated = excluded.violated,
                  anomalous_events = excluded.anomalous_events, model_evidence = excluded.model_evidence,
                  pair_counts = excluded.pair_counts, incident_id = excluded.incident_id, updated_at = excluded.updated_at,
                  novel_locals = excluded.novel_locals, novel_actions = excluded.novel_actions""",
                sorted, 500, (ps, r) -> {
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
                    ps.setBytes(12, r.pairCounts());
                    ps.setObject(13, r.incidentId());
                    ps.setTimestamp(14, Timestamp.from(at));
                    ps.setLong(15, r.novelLocals());
                    ps.setLong(16, r.novelActions());
                });
    }

    /** Ends a container's episode: its next event starts from no evidence. */
    public void endEpisode(String containerId, long incidentId) {
        jdbc.update("delete from incident_evidence where container_id = ? and incident_id = ?", containerId, incidentId);
    }

    public int forgetIdleSince(Instant before) {
        return jdbc.update("delete from incident_evidence where updated_at < ?", Timestamp.from(before));
    }
}
