package io.habitus.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * After the load, checks that the database holds what was acknowledged — every event the service
 * said it stored, every row COPY said it stored — and that a service row and the baseline row of
 * the same event agree column for column, payload included. Without this the ratio could compare
 * different work.
 */
final class RunCheck {

    private final BenchOptions options;
    private final String runId;

    RunCheck(BenchOptions options, String runId) {
        this.options = options;
        this.runId = runId;
    }

    boolean verify(long serviceEvents, long copyRows) throws Exception {
        try (Connection db = DriverManager.getConnection(options.jdbcUrl(), options.jdbcUser(), options.jdbcPassword())) {
            boolean ok = true;
            if (options.service()) {
                long stored = count(db, "select count(*) from ingest_event where batch_id like ?", runId + "-svc-%");
                ok &= report("service rows in ingest_event", stored, serviceEvents);
            }
            boolean copied = options.copy() && !options.alertsOnly();
            if (copied) {
                long stored = count(db, "select count(*) from " + options.copyTable() + " where batch_id like ?", runId + "-copy-%");
                ok &= report("COPY rows in " + options.copyTable(), stored, copyRows);
            }
            if (options.service() && copied) {
                ok &= sameRows(db);
            }
            return ok;
        }
    }

    /**
     * Joins one service batch to a baseline batch of the same template (batch numbers equal modulo
     * the number of templates), event by event. Times are live, so they differ between the two
     * sends; every other column and the payload without its time must agree, and on each side the
     * stored event_time must be the payload's time.
     */
    private boolean sameRows(Connection db) throws Exception {
        String sql = """
                with s as (select * from ingest_event where batch_id = (
                          select batch_id from ingest_event where batch_id like ? and batch_id not like '%%-svc-act-%%'
                          and batch_id not like '%%-svc-dev-%%' and batch_id not like '%%-svc-alr-%%' limit 1)),
                     t as (select substring(min(batch_id) from '-([0-9]+)$')::bigint %% ? as template from s),
                     c as (select * from %1$s where batch_id = (
                          select batch_id from %1$s, t where batch_id like ?
                          and substring(batch_id from '-([0-9]+)$')::bigint %% ? = t.template limit 1))
                select count(*),
                       count(*) filter (where (s.payload::jsonb - 'time') is distinct from (c.payload::jsonb - 'time')
                                        or s.event_type <> c.event_type or s.image_digest <> c.image_digest
                                        or s.container_id <> c.container_id or s.node is distinct from c.node
                                        or (s.payload::jsonb ->> 'time')::timestamptz <> s.event_time
                                        or (c.payload::jsonb ->> 'time')::timestamptz <> c.event_time)
                from s join c on c.event_index = s.event_index
                """.formatted(options.copyTable());
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, runId + "-svc-%");
            statement.setInt(2, options.templates());
            statement.setString(3, runId + "-copy-%");
            statement.setInt(4, options.templates());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                long compared = rs.getLong(1);
                long different = rs.getLong(2);
                System.out.printf("check: %,d baseline rows compared with the service's rows of the same events, %d differ%n",
                        compared, different);
                return compared > 0 && different == 0;
            }
        }
    }

    private static long count(Connection db, String sql, String pattern) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, pattern);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static boolean report(String what, long stored, long acknowledged) {
        System.out.printf("check: %,d %s, %,d acknowledged%s%n", stored, what, acknowledged,
                stored == acknowledged ? "" : "  <-- MISMATCH");
        return stored == acknowledged;
    }
}
