package io.habitus.behavior.persistence;

import io.habitus.behavior.internal.ProcessHistory;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Container states: read and locked per batch (in container id order, so that batches sharing
 * containers cannot deadlock), written back in one statement.
 */
@Repository
public class ContainerStateStore {

    private static final TypeReference<LinkedHashMap<String, String>> PROCESSES = new TypeReference<>() {};
    private static final TypeReference<LinkedHashMap<String, ProcessHistory>> HISTORIES = new TypeReference<>() {};

    private final JdbcTemplate template;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    ContainerStateStore(JdbcTemplate template, JdbcClient jdbc, JsonMapper json) {
        this.template = template;
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Locks the stored states of these containers until the transaction ends and returns each
     * one's revision (containers without a stored state are absent): the caller reads only the
     * rows whose revision it does not hold already ({@link #read}).
     */
    public Map<String, Long> lockRevisions(Collection<String> containerIds) {
        Map<String, Long> revisions = new HashMap<>();
        template.query("""
                select container_id, revision from behavior_container_state
                where container_id = any(?) order by container_id for update
                """, rs -> {
                    revisions.put(rs.getString(1), rs.getLong(2));
                }, (Object) containerIds.stream().sorted().toArray(String[]::new));
        return revisions;
    }

    /**
     * The stored states of these containers, as they are: read without a lock by what-if scoring
     * (it changes nothing), and under the lock {@link #lockRevisions} took by a committed batch.
     */
    public Map<String, StateRow> read(Collection<String> containerIds) {
        Map<String, StateRow> rows = new HashMap<>();
        template.query("""
                select container_id, digest, processes, recent, events, last_event_at, updated_at, histories
                from behavior_container_state where container_id = any(?)
                """, rs -> {
                    StateRow row = row(rs);
                    rows.put(row.containerId(), row);
                }, (Object) containerIds.toArray(String[]::new));
        return rows;
    }

    public Optional<StateRow> find(String containerId) {
        return jdbc.sql("""
                select container_id, digest, processes, recent, events, last_event_at, updated_at, histories
                from behavior_container_state where container_id = :id
                """).param("id", containerId).query((rs, n) -> row(rs)).optional();
    }

    /** Writes the rows in one round trip, each under a new revision (never 0); returns the revisions by container id. */
    public Map<String, Long> save(List<StateRow> rows) {
        List<StateRow> sorted = rows.stream().sorted(Comparator.comparing(StateRow::containerId)).toList();
        Map<String, Long> revisions = new HashMap<>();
        sorted.forEach(r -> revisions.put(r.containerId(), ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)));
        template.batchUpdate("""
                insert into behavior_container_state as s (container_id, digest, processes, histories, recent, events,
                                                           last_event_at, updated_at, revision)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (container_id) do update set processes = excluded.processes,
                  histories = excluded.histories, recent = excluded.recent,
                  events = excluded.events, last_event_at = excluded.last_event_at, updated_at = excluded.updated_at,
                  revision = excluded.revision
                """, new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        StateRow r = sorted.get(i);
                        ps.setString(1, r.containerId());
                        ps.setString(2, r.digest());
                        ps.setString(3, json.writeValueAsString(r.processes()));
                        ps.setString(4, json.writeValueAsString(r.histories()));
                        ps.setArray(5, ps.getConnection().createArrayOf("text", r.recent().toArray()));
                        ps.setLong(6, r.events());
                        ps.setTimestamp(7, Timestamp.from(r.lastEventAt()));
                        ps.setTimestamp(8, Timestamp.from(r.updatedAt()));
                        ps.setLong(9, revisions.get(r.containerId()));
                    }

                    @Override
                    public int getBatchSize() {
                        return sorted.size();
                    }
                });
        return revisions;
    }

    public int forgetIdleSince(Instant cutoff) {
        return template.update("delete from behavior_container_state where updated_at < ?", Timestamp.from(cutoff));
    }

    private StateRow row(ResultSet rs) throws SQLException {
        Array recent = rs.getArray(4);
        return new StateRow(rs.getString(1), rs.getString(2), json.readValue(rs.getString(3), PROCESSES),
                json.readValue(rs.getString(8), HISTORIES),
                recent == null ? List.of() : Arrays.asList((String[]) recent.getArray()), rs.getLong(5),
                rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant());
    }
}
