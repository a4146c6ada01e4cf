package io.habitus.incident.persistence;

import io.habitus.incident.internal.Incident;
import io.habitus.incident.internal.IncidentFilter;
import io.habitus.incident.internal.IncidentReason;
import io.habitus.incident.internal.IncidentStanding;
import io.habitus.incident.internal.IncidentStatus;
import io.habitus.incident.IncidentTrigger;
import io.habitus.incident.internal.ProposedSequence;
import io.habitus.incident.Severity;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class IncidentStore {

    private static final String COLUMNS = """
            id, digest, container_id, node, status, severity, dry_run, opened_at, updated_at, first_event_at, last_event_at,
            risk, evidence, threshold, mix_evidence, mix_threshold, events, novel_events, detector_id, profile_version,
            model_version, reasons::text, status_by, status_note, status_at, rarity_evidence, rarity_threshold,
            model_evidence, model_threshold, opened_by""";
    private static final TypeReference<List<IncidentReason>> REASONS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    IncidentStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public long open(Incident i) {
        Long id = jdbc.queryForObject("""
                insert into incident (digest, container_id, node, status, severity, dry_run, opened_at, updated_at,
                  first_event_at, last_event_at, risk, evidence, threshold, mix_evidence, mix_threshold, events, novel_events,
                  detector_id, profile_version, model_version, reasons, reason_count, rarity_evidence, rarity_threshold,
                  model_evidence, model_threshold, opened_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?)
                returning id""", Long.class,
                i.digest(), i.containerId(), i.node(), i.status().name(), i.severity().name(), i.dryRun(),
                Timestamp.from(i.openedAt()), Timestamp.from(i.updatedAt()), Timestamp.from(i.firstEventAt()),
                Timestamp.from(i.lastEventAt()), i.risk(), i.evidence(), i.threshold(), i.mixEvidence(), i.mixThreshold(),
                i.events(), i.novelEvents(), i.detectorId(),
                i.profileVersion(), i.modelVersion(), json.writeValueAsString(i.reasons()), i.reasons().size(), i.rarityEvidence(),
                i.rarityThreshold(), i.modelEvidence(), i.modelThreshold(), i.openedBy() == null ? null : i.openedBy().name());
        return id;
    }

    /**
     * Grows an open incident with its container's later events; a closed incident stays as it was
     * closed. Run with its container's evidence write ({@link EvidenceStore#save}), in the same round
     * trip. The caller sends only reasons there is room for (see {@link IncidentStanding#reasons()}).
     */
    static final String GROW = """
            update incident set severity = ?, last_event_at = greatest(last_event_at, ?), risk = greatest(risk, ?),
              evidence = greatest(evidence, ?), mix_evidence = greatest(mix_evidence, ?),
              rarity_evidence = greatest(rarity_evidence, ?), model_evidence = greatest(model_evidence, ?),
              events = ?, novel_events = ?, updated_at = ?,
              reasons = case when ? then reasons else reasons || cast(? as jsonb) end, reason_count = reason_count + ?
            where id = ? and status in ('OPEN', 'ACKNOWLEDGED')""";

    /** Binds {@link #GROW}'s parameters; returns how many it bound. */
    int bindGrowth(PreparedStatement ps, IncidentGrowth g, Timestamp now) throws SQLException {
        ps.setString(1, g.severity().name());
        ps.setTimestamp(2, Timestamp.from(g.lastEventAt()));
        ps.setDouble(3, g.risk());
        ps.setDouble(4, g.evidence());
        ps.setDouble(5, g.mixEvidence());
        ps.setDouble(6, g.rarityEvidence());
        ps.setDouble(7, g.modelEvidence());
        ps.setLong(8, g.events());
        ps.setLong(9, g.novelEvents());
        ps.setTimestamp(10, now);
        ps.setBoolean(11, g.moreReasons().isEmpty());
        ps.setString(12, g.moreReasons().isEmpty() ? "[]" : json.writeValueAsString(g.moreReasons()));
        ps.setInt(13, g.moreReasons().size());
        ps.setLong(14, g.id());
        return 14;
    }

    /**
     * A standing from the columns id, digest, container_id, node, status, severity, dry_run, opened_at, reason_count,
     * opened_by.
     */
    static IncidentStanding standing(ResultSet rs, int from) throws SQLException {
        String openedBy = rs.getString(from + 9);
        return new IncidentStanding(rs.getLong(from), rs.getString(from + 1), rs.getString(from + 2), rs.getString(from + 3),
                IncidentStatus.valueOf(rs.getString(from + 4)), Severity.valueOf(rs.getString(from + 5)),
                openedBy == null ? null : IncidentTrigger.valueOf(openedBy), rs.getBoolean(from + 6),
                rs.getTimestamp(from + 7).toInstant(), rs.getInt(from + 8));
    }

    public Optional<Incident> find(long id) {
        return jdbc.query("select " + COLUMNS + " from incident where id = ?", this::incident, id).stream().findFirst();
    }

    public Optional<Incident> lock(long id) {
        return jdbc.query("select " + COLUMNS + " from incident where id = ? for update", this::incident, id)
                .stream().findFirst();
    }

    public List<Incident> find(IncidentFilter filter, @Nullable Long before, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from incident where true");
        List<Object> args = new ArrayList<>();
        if (filter.digest() != null) {
            sql.append(" and digest = ?");
            args.add(filter.digest());
        }
        if (filter.containerId() != null) {
            sql.append(" and container_id = ?");
            args.add(filter.containerId());
        }
        if (filter.status() != null) {
            sql.append(" and status = ?");
            args.add(filter.status().name());
        }
        if (filter.severity() != null) {
            sql.append(" and severity = ?");
            args.add(filter.severity().name());
        }
        if (filter.dryRun() != null) {
            sql.append(" and dry_run = ?");
            args.add(filter.dryRun());
        }
        if (filter.from() != null) {
            sql.append(" and opened_at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and opened_at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        if (before != null) {
            sql.append(" and id < ?");
            args.add(before);
        }
        sql.append(" order by id desc limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), this::incident, args.toArray());
    }

    public void setStatus(long id, IncidentStatus status, String by, @Nullable String note, Instant at) {
        jdbc.update("update incident set status = ?, status_by = ?, status_note = ?, status_at = ?, updated_at = ? where id = ?",
                status.name(), by, note, Timestamp.from(at), Timestamp.from(at), id);
    }

    /** How many incidents a detector raised: all, and those in its dry run. */
    /** Which unresolved incidents a count is of: their status and whether they are dry-run ones. */
    public record Unresolved(IncidentStatus status, boolean dryRun) {}

    /** Incidents OPEN or ACKNOWLEDGED, by status and dry run; combinations without any are absent. */
    public Map<Unresolved, Long> unresolvedCounts() {
        Map<Unresolved, Long> counts = new HashMap<>();
        jdbc.query("select status, dry_run, count(*) from incident where status in ('OPEN', 'ACKNOWLEDGED') group by status, dry_run",
                rs -> {
                    counts.put(new Unresolved(IncidentStatus.valueOf(rs.getString(1)), rs.getBoolean(2)), rs.getLong(3));
                });
        return counts;
    }

    public long[] countsOf(long detectorId) {
        return jdbc.queryForObject("select count(*), count(*) filter (where dry_run) from incident where detector_id = ?",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, detectorId);
    }

    /** Sequences in the reasons of a detector's dry-run incidents, seen on at least so many containers and nodes. */
    public List<ProposedSequence> dryRunSequences(long detectorId, int minContainers, int minNodes, int limit) {
        return jdbc.query("""
                select r->>'sequenceFingerprint', min(r->>'sequence'), min(r->>'token'), count(distinct i.container_id),
                       count(distinct i.node), count(distinct i.id)
                from incident i cross join lateral jsonb_array_elements(i.reasons) r
                where i.detector_id = ? and i.dry_run
                group by 1 having count(distinct i.container_id) >= ? and count(distinct i.node) >= ?
                order by 4 desc, 1 limit ?""", (rs, n) -> new ProposedSequence(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)), detectorId, minContainers, minNodes, limit);
    }

    /** Every fingerprint of the dry-run reasons shown as these sequences (an event novel at several lengths has several). */
    public List<String> reasonFingerprints(long detectorId, List<String> sequenceFingerprints) {
        if (sequenceFingerprints.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList("""
                select distinct coalesce(f, r->>'sequenceFingerprint')
                from incident i cross join lateral jsonb_array_elements(i.reasons) r
                     left join lateral jsonb_array_elements_text(r->'fingerprints') f on true
                where i.detector_id = ? and i.dry_run and r->>'sequenceFingerprint' = any(?)""", String.class, detectorId,
                (Object) sequenceFingerprints.toArray(String[]::new));
    }

    private Incident incident(ResultSet rs, int n) throws SQLException {
        Timestamp statusAt = rs.getTimestamp(25);
        String openedBy = rs.getString(30);
        return new Incident(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                IncidentStatus.valueOf(rs.getString(5)), Severity.valueOf(rs.getString(6)),
                openedBy == null ? null : IncidentTrigger.valueOf(openedBy), rs.getBoolean(7),
                rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant(), rs.getTimestamp(10).toInstant(),
                rs.getTimestamp(11).toInstant(), rs.getDouble(12), rs.getDouble(13), rs.getDouble(14), rs.getDouble(15),
                rs.getDouble(16), rs.getDouble(26), rs.getDouble(27), rs.getDouble(28), rs.getDouble(29),
                rs.getLong(17), rs.getLong(18), rs.getLong(19), (Integer) rs.getObject(20),
                (Integer) rs.getObject(21), json.readValue(rs.getString(22), REASONS), rs.getString(23), rs.getString(24),
                statusAt == null ? null : statusAt.toInstant());
    }
}
