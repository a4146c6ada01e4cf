package io.habitus.model.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The job queue. A job is claimed with {@code FOR UPDATE SKIP LOCKED}, so that one worker of all
 * replicas takes it; a RUNNING job whose heartbeat is older than the stale limit (its worker
 * crashed mid-training) is claimed again.
 */
@Repository
public class JobStore {

    private static final String COLUMNS = """
            id, digest, window_no, status, attempts, requested_by, created_at, started_at, finished_at, worker, error,
            model_version
            """;

    private final JdbcClient jdbc;

    JobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An unfinished job of this image, if there is one. */
    public Optional<JobRow> pending(String digest) {
        return jdbc.sql("select " + COLUMNS + " from model_job where digest = :d and status in ('QUEUED', 'RUNNING') "
                        + "order by id limit 1")
                .param("d", digest).query((rs, n) -> job(rs)).optional();
    }

    /** Whether a job for this window was queued at or after {@code since}. */
    public boolean queuedSince(String digest, int window, Instant since) {
        return jdbc.sql("select exists (select 1 from model_job where digest = :d and window_no = :w and created_at >= :since)")
                .param("d", digest).param("w", window).param("since", Timestamp.from(since))
                .query(Boolean.class).single();
    }

    public JobRow enqueue(String digest, int window, String by, Instant at) {
        return jdbc.sql("insert into model_job (digest, window_no, status, requested_by, created_at) "
                        + "values (:d, :w, 'QUEUED', :by, :at) returning " + COLUMNS)
                .param("d", digest).param("w", window).param("by", by).param("at", Timestamp.from(at))
                .query((rs, n) -> job(rs)).single();
    }

    public Optional<JobRow> claim(String worker, Instant now, Duration stale) {
        return jdbc.sql("""
                update model_job set status = 'RUNNING', attempts = attempts + 1, worker = :worker,
                                     started_at = :now, heartbeat_at = :now
                where id = (select id from model_job
                            where status = 'QUEUED' or (status = 'RUNNING' and heartbeat_at < :staleBefore)
                            order by id for update skip locked limit 1)
                returning """ + " " + COLUMNS)
                .param("worker", worker).param("now", Timestamp.from(now))
                .param("staleBefore", Timestamp.from(now.minus(stale)))
                .query((rs, n) -> job(rs)).optional();
    }

    public void succeeded(long id, int modelVersion, Instant at) {
        jdbc.sql("update model_job set status = 'SUCCEEDED', finished_at = :at, model_version = :v, error = null where id = :id")
                .param("at", Timestamp.from(at)).param("v", modelVersion).param("id", id).update();
    }

    public void failed(long id, @Nullable String error, Instant at, boolean retry) {
        jdbc.sql("update model_job set status = :status, finished_at = :at, error = :error where id = :id")
                .param("status", retry ? "QUEUED" : "FAILED").param("at", retry ? null : Timestamp.from(at))
                .param("error", error).param("id", id).update();
    }

    public Optional<JobRow> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from model_job where id = :id").param("id", id)
                .query((rs, n) -> job(rs)).optional();
    }

    public List<JobRow> recent(String digest, int limit) {
        return jdbc.sql("select " + COLUMNS + " from model_job where digest = :d order by id desc limit :limit")
                .param("d", digest).param("limit", limit).query((rs, n) -> job(rs)).list();
    }

    private static JobRow job(ResultSet rs) throws SQLException {
        return new JobRow(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getInt(5), rs.getString(6),
                instant(rs, 7), instant(rs, 8), instant(rs, 9), rs.getString(10), rs.getString(11),
                (Integer) rs.getObject(12));
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
