package io.habitus.alert.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox. Rows are claimed with {@code FOR UPDATE SKIP LOCKED} and leased by moving their next
 * attempt ahead, so that the HTTP work runs outside any transaction and several replicas share the
 * backlog without sending a row twice at the same time.
 */
@Repository
public class DeliveryStore {

    private static final String COLUMNS = """
            id, delivery_id, sink, alert_key, alert_type, severity, alert_count, alerts::text as alerts, created_at, state, attempts,
            next_attempt_at, last_attempt_at, last_status, last_error, delivered_at, failed_at
            """;

    private final JdbcTemplate template;
    private final JdbcClient jdbc;

    DeliveryStore(JdbcTemplate template, JdbcClient jdbc) {
        this.template = template;
        this.jdbc = jdbc;
    }

    /** Queues each delivery unless its sink already has its alerts; answers, in order, which were new. */
    public boolean[] enqueue(List<NewDelivery> deliveries) {
        int[][] counts = template.batchUpdate("""
                insert into alert_delivery (delivery_id, sink, alert_key, alert_type, severity, alert_count, alerts,
                                            created_at, next_attempt_at)
                values (gen_random_uuid(), ?, ?, ?, ?, ?, cast(? as json), ?, ?)
                on conflict (sink, alert_key) do nothing
                """, deliveries, 200, (ps, d) -> {
                    ps.setString(1, d.sink());
                    ps.setString(2, d.alertKey());
                    ps.setString(3, d.alertType());
                    ps.setString(4, d.severity());
                    ps.setInt(5, d.alertCount());
                    ps.setString(6, d.alertsJson());
                    ps.setTimestamp(7, Timestamp.from(d.createdAt()));
                    ps.setTimestamp(8, Timestamp.from(d.createdAt()));
                });
        boolean[] queued = new boolean[deliveries.size()];
        int i = 0;
        for (int[] batch : counts) {
            for (int count : batch) {
                queued[i++] = count > 0;
            }
        }
        return queued;
    }

    /**
     * Takes up to {@code limit} due deliveries of a sink, oldest first, counts the attempt and leases
     * them until {@code now + lease}.
     */
    public List<DeliveryRow> claim(String sink, Instant now, Duration lease, int limit) {
        return jdbc.sql("""
                update alert_delivery d
                   set attempts = d.attempts + 1, last_attempt_at = :now, next_attempt_at = :leasedUntil
                  from (select id from alert_delivery
                         where sink = :sink and state = 'PENDING' and next_attempt_at <= :now
                         order by next_attempt_at, id
                         limit :limit
                         for update skip locked) due
                 where d.id = due.id
                returning d.id, d.delivery_id, d.sink, d.alert_key, d.alert_type, d.severity, d.alert_count, d.alerts::text as alerts,
                          d.created_at, d.state, d.attempts, d.next_attempt_at, d.last_attempt_at, d.last_status,
                          d.last_error, d.delivered_at, d.failed_at
                """)
                .param("sink", sink)
                .param("now", Timestamp.from(now))
                .param("leasedUntil", Timestamp.from(now.plus(lease)))
                .param("limit", limit)
                .query((rs, n) -> row(rs))
                .list()
                .stream().sorted(Comparator.comparingLong(DeliveryRow::id)).toList();
    }

    public void delivered(Collection<Long> ids, Instant at, int status) {
        template.update("""
                update alert_delivery set state = 'DELIVERED', delivered_at = ?, last_status = ?, last_error = null
                where id = any(?) and state = 'PENDING'
                """, Timestamp.from(at), status, array(ids));
    }

    public void retryAt(Collection<Long> ids, Instant next, @Nullable Integer status, String error) {
        template.update("""
                update alert_delivery set next_attempt_at = ?, last_status = ?, last_error = ?
                where id = any(?) and state = 'PENDING'
                """, Timestamp.from(next), status, error, array(ids));
    }

    public void failed(Collection<Long> ids, Instant at, @Nullable Integer status, String error) {
        template.update("""
                update alert_delivery set state = 'FAILED', failed_at = ?, last_status = ?, last_error = ?
                where id = any(?) and state = 'PENDING'
                """, Timestamp.from(at), status, error, array(ids));
    }

    /** Alerts not yet delivered, per sink. */
    public Map<String, Long> pendingBySink() {
        Map<String, Long> pending = new HashMap<>();
        jdbc.sql("select sink, sum(alert_count) as pending from alert_delivery where state = 'PENDING' group by sink")
                .query((rs, n) -> Map.entry(rs.getString("sink"), rs.getLong("pending"))).list()
                .forEach(e -> pending.put(e.getKey(), e.getValue()));
        return pending;
    }

    public List<SinkBacklog> backlog() {
        return jdbc.sql("""
                select sink,
                       coalesce(sum(alert_count) filter (where state = 'PENDING'), 0) as pending,
                       coalesce(sum(alert_count) filter (where state = 'DELIVERED'), 0) as delivered,
                       coalesce(sum(alert_count) filter (where state = 'FAILED'), 0) as failed,
                       min(created_at) filter (where state = 'PENDING') as oldest_pending,
                       max(delivered_at) as last_delivered_at,
                       max(last_attempt_at) as last_attempt_at,
                       (array_agg(last_error order by last_attempt_at desc nulls last)
                            filter (where last_error is not null))[1] as last_error
                  from alert_delivery
                 group by sink
                """)
                .query((rs, n) -> new SinkBacklog(rs.getString("sink"), rs.getLong("pending"), rs.getLong("delivered"),
                        rs.getLong("failed"), instant(rs, "oldest_pending"), instant(rs, "last_delivered_at"),
                        instant(rs, "last_attempt_at"), rs.getString("last_error")))
                .list();
    }

    /** Deliveries matching the filters with an id below {@code before}, newest first. */
    public List<DeliveryRow> find(@Nullable String sink, @Nullable String state, @Nullable Long before, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                from alert_delivery
                where (cast(:sink as text) is null or sink = cast(:sink as text))
                  and (cast(:state as text) is null or state = cast(:state as text))
                  and (cast(:before as bigint) is null or id < cast(:before as bigint))
                order by id desc
                limit :limit
                """)
                .param("sink", sink)
                .param("state", state)
                .param("before", before)
                .param("limit", limit)
                .query((rs, n) -> row(rs))
                .list();
    }

    public Optional<DeliveryRow> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from alert_delivery where id = :id").param("id", id)
                .query((rs, n) -> row(rs)).optional();
    }

    /** Puts a given-up delivery back in the queue, due now, with its attempts counted from zero. */
    public boolean requeue(long id, Instant now) {
        return template.update("""
                update alert_delivery set state = 'PENDING', attempts = 0, next_attempt_at = ?, failed_at = null
                where id = ? and state = 'FAILED'
                """, Timestamp.from(now), id) == 1;
    }

    /** Deletes delivered rows older than one bound and given-up rows older than the other. */
    public int purge(Instant deliveredBefore, Instant failedBefore) {
        return template.update("""
                delete from alert_delivery
                where (state = 'DELIVERED' and delivered_at < ?) or (state = 'FAILED' and failed_at < ?)
                """, Timestamp.from(deliveredBefore), Timestamp.from(failedBefore));
    }

    private Object array(Collection<Long> ids) {
        return ids.toArray(Long[]::new);
    }

    private static DeliveryRow row(ResultSet rs) throws SQLException {
        return new DeliveryRow(rs.getLong("id"), rs.getObject("delivery_id", UUID.class), rs.getString("sink"),
                rs.getString("alert_key"), rs.getString("alert_type"), rs.getString("severity"), rs.getInt("alert_count"),
                rs.getString("alerts"),
                instant(rs, "created_at"), rs.getString("state"), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
                instant(rs, "last_attempt_at"), (Integer) rs.getObject("last_status"), rs.getString("last_error"),
                instant(rs, "delivered_at"), instant(rs, "failed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
