package io.habitus.audit.persistence;

import io.habitus.audit.internal.Audit;
import io.habitus.audit.internal.AuditFilter;
import io.habitus.audit.internal.AuditStatus;
import io.habitus.audit.internal.AuditTransition;
import io.habitus.shared.Verdict;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class AuditStore {

    private static final String COLUMNS = """
            id, digest, container_id, node, verdict, rule_kind, rule_value, raw_value, reason, event::text as event,
            first_seen, last_seen, occurrences, profile_version, profile_checksum, model_version, score, threshold,
            status, resolved_by, resolved_at, resolution_reason, allowed_in_version, transition::text as transition
            """;

    private final JdbcTemplate template;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditStore(JdbcTemplate template, JdbcClient jdbc, JsonMapper json) {
        this.template = template;
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Inserts new audits and counts repeats on existing ones (same container, rule and dedup window).
     * Answers, in the order of {@code rows}, each row's audit id and whether this call created it:
     * only new audits are alerted, repeats are counted on the audit people already saw.
     */
    public List<Recorded> record(List<AuditRow> rows) {
        List<Integer> order = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            order.add(i);
        }
        // A fixed lock order: two batches upserting the same audits never deadlock.
        order.sort(Comparator.comparing((Integer i) -> rows.get(i).digest()).thenComparing(i -> rows.get(i).containerId())
                .thenComparing(i -> rows.get(i).verdict()).thenComparing(i -> rows.get(i).ruleKind())
                .thenComparing(i -> rows.get(i).ruleValue()).thenComparingLong(i -> rows.get(i).bucket()));
        // One statement per row in a JDBC batch, as before; RETURNING names each row's audit, and
        // xmax = 0 tells an inserted row from an updated one.
        KeyHolder keys = new GeneratedKeyHolder();
        template.batchUpdate(connection -> connection.prepareStatement("""
                insert into audit as a (digest, container_id, node, verdict, rule_kind, rule_value, raw_value, reason,
                                        event, first_seen, last_seen, occurrences, dedup_bucket, profile_version,
                                        profile_checksum, model_version, score, threshold, transition)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
                on conflict (digest, container_id, verdict, rule_kind, rule_value, dedup_bucket) do update set
                  occurrences = a.occurrences + excluded.occurrences,
                  first_seen = least(a.first_seen, excluded.first_seen),
                  last_seen = greatest(a.last_seen, excluded.last_seen)
                returning id, (xmax = 0) as created
                """, Statement.RETURN_GENERATED_KEYS), new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        set(ps, rows.get(order.get(i)));
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                }, keys);
        List<Map<String, Object>> returned = keys.getKeyList();
        if (returned.size() != rows.size()) {
            throw new IllegalStateException("expected one audit id per row, got " + returned.size() + " for " + rows.size());
        }
        Recorded[] recorded = new Recorded[rows.size()];
        for (int i = 0; i < returned.size(); i++) {
            Map<String, Object> key = returned.get(i);
            recorded[order.get(i)] = new Recorded(((Number) key.get("id")).longValue(), Boolean.TRUE.equals(key.get("created")));
        }
        return List.of(recorded);
    }

    /** An audit as {@link #record} left it: its id, and whether that call created it. */
    public record Recorded(long id, boolean created) {}

    private static void set(PreparedStatement ps, AuditRow r) throws SQLException {
        ps.setString(1, r.digest());
        ps.setString(2, r.containerId());
        ps.setString(3, r.node());
        ps.setString(4, r.verdict());
        ps.setString(5, r.ruleKind());
        ps.setString(6, r.ruleValue());
        ps.setString(7, r.rawValue());
        ps.setString(8, r.reason());
        ps.setString(9, r.eventJson());
        ps.setTimestamp(10, Timestamp.from(r.firstSeen()));
        ps.setTimestamp(11, Timestamp.from(r.lastSeen()));
        ps.setLong(12, r.occurrences());
        ps.setLong(13, r.bucket());
        ps.setObject(14, r.profileVersion());
        ps.setString(15, r.profileChecksum());
        ps.setObject(16, r.modelVersion());
        ps.setObject(17, r.score());
        ps.setObject(18, r.threshold());
        ps.setString(19, r.transitionJson());
    }

    /** Audits matching the filter with an id below {@code before}, newest first. */
    public List<Audit> find(AuditFilter filter, @Nullable Long before, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                from audit
                where (cast(:before as bigint) is null or id < cast(:before as bigint))
                  and (cast(:digest as text) is null or digest = cast(:digest as text))
                  and (cast(:container as text) is null or container_id = cast(:container as text))
                  and (cast(:verdict as text) is null or verdict = cast(:verdict as text))
                  and (cast(:status as text) is null or status = cast(:status as text))
                  and (cast(:from as timestamptz) is null or first_seen >= cast(:from as timestamptz))
                  and (cast(:to as timestamptz) is null or first_seen < cast(:to as timestamptz))
                order by id desc
                limit :limit
                """)
                .param("before", before)
                .param("digest", filter.digest())
                .param("container", filter.containerId())
                .param("verdict", filter.verdict() == null ? null : filter.verdict().name())
                .param("status", filter.status() == null ? null : filter.status().name())
                .param("from", filter.from() == null ? null : Timestamp.from(filter.from()))
                .param("to", filter.to() == null ? null : Timestamp.from(filter.to()))
                .param("limit", limit)
                .query((rs, n) -> audit(rs))
                .list();
    }

    public Optional<Audit> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from audit where id = :id").param("id", id)
                .query((rs, n) -> audit(rs)).optional();
    }

    public Optional<Audit> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from audit where id = :id for update").param("id", id)
                .query((rs, n) -> audit(rs)).optional();
    }

    public void allowed(long id, String by, Instant at, @Nullable String reason, @Nullable Integer version) {
        template.update("""
                update audit set status = 'ALLOWED', resolved_by = ?, resolved_at = ?, resolution_reason = ?,
                                 allowed_in_version = ?
                where id = ?
                """, by, Timestamp.from(at), reason, version, id);
    }

    private Audit audit(ResultSet rs) throws SQLException {
        return new Audit(rs.getLong("id"), rs.getString("digest"), rs.getString("container_id"), rs.getString("node"),
                Verdict.valueOf(rs.getString("verdict")), rs.getString("rule_kind"), rs.getString("rule_value"),
                rs.getString("raw_value"), rs.getString("reason"), json.readTree(rs.getString("event")),
                instant(rs, "first_seen"), instant(rs, "last_seen"), rs.getLong("occurrences"),
                (Integer) rs.getObject("profile_version"), rs.getString("profile_checksum"),
                (Integer) rs.getObject("model_version"), (Double) rs.getObject("score"), (Double) rs.getObject("threshold"),
                AuditStatus.valueOf(rs.getString("status")), rs.getString("resolved_by"), instant(rs, "resolved_at"),
                rs.getString("resolution_reason"), (Integer) rs.getObject("allowed_in_version"),
                rs.getString("transition") == null ? null : json.readValue(rs.getString("transition"), AuditTransition.class));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
