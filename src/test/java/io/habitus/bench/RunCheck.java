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
            if (options.copy()) {
                long stored = count(db, "select count(*) from " + options.copyTable() + " where batch_id like ?", runId + "-copy-%");
                ok &= report("COPY rows in " + options.copyTable(), stored, copyRows);
            }
            if (options.service() && options.copy()) {
                ok &= sameRows(db);
            }
            return ok;
        }
    }

    /** Joins one service batch to the baseline rows of the same events and counts differences. */
    private boolean sameRows(Connection db) throws Exception {
        String sql = """
                select count(*),
                       count(*) filter (where s.payload::jsonb is distinct from c.payload::jsonb or s.event_type <> c.event_type
                                        or s.image_digest <> c.image_digest or s.node is distinct from c.node)
                from (select * from ingest_event where batch_id = (
                          select batch_id from ingest_event where batch_id like ? and batch_id not like '%%-svc-act-%%' limit 1)) s
                join %s c on c.event_time = s.event_time and c.event_index = s.event_index
                         and c.container_id = s.container_id and c.batch_id like ?
                """.formatted(options.copyTable());
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, runId + "-svc-%");
            statement.setString(2, runId + "-copy-%");
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
