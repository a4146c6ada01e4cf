package io.habitus.profile.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PGInterval;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Learning windows: one row per image, with the counters the completion check reads. */
@Repository
public class LearningStore {

    private static final String COLUMNS = """
            digest, window_no, state, started_at, first_event_at, last_event_at, last_new_token_at, events, tokens,
            partial, finish_requested, extract(epoch from window_override) as window_s,
            extract(epoch from stability_override) as stability_s, min_events_override, min_containers_override,
            finished_at, finish_reason
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    LearningStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * The open window of each given image, registering images seen for the first time with
     * window 1. Images that are not learning are absent.
     */
    public Map<String, Integer> openWindows(Collection<String> digests, Instant now) {
        Map<String, Integer> open = new HashMap<>();
        Map<String, Boolean> known = new HashMap<>();
        template.query("select digest, window_no, state from profile_learning where digest = any(?)", rs -> {
            known.put(rs.getString(1), true);
            if ("LEARNING".equals(rs.getString(3))) {
                open.put(rs.getString(1), rs.getInt(2));
            }
        }, (Object) digests.toArray(String[]::new));
        List<String> fresh = digests.stream().filter(d -> !known.containsKey(d)).sorted().toList();
        for (String digest : fresh) {
            template.update("""
                    insert into profile_learning (digest, window_no, state, started_at) values (?, 1, 'LEARNING', ?)
                    on conflict (digest) do nothing
                    """, digest, Timestamp.from(now));
            open.put(digest, 1);
        }
        return open;
    }

    /** Counts events into a window (statistics flush). */
    public void addEvents(String digest, int window, long events, Instant first, Instant last) {
        template.update("""
                update profile_learning set
                  events = events + ?,
                  first_event_at = least(coalesce(first_event_at, ?), ?),
                  last_event_at = greatest(coalesce(last_event_at, ?), ?)
                where digest = ? and window_no = ? and state = 'LEARNING'
                """, events, ts(first), ts(first), ts(last), ts(last), digest, window);
    }

    /** New behaviour appeared: the window's stability clock restarts. */
    public void newTokens(String digest, int window, int count, Instant lastNewTokenAt) {
        template.update("""
                update profile_learning set tokens = tokens + ?,
                  last_new_token_at = greatest(coalesce(last_new_token_at, ?), ?)
                where digest = ? and window_no = ? and state = 'LEARNING'
                """, count, ts(lastNewTokenAt), ts(lastNewTokenAt), digest, window);
    }

    /** An agent feeding the window admitted to dropping events. */
    public void markPartial(String digest, int window) {
        template.update("update profile_learning set partial = true where digest = ? and window_no = ? and not partial",
                digest, window);
    }

    public List<String> learningDigests() {
        return jdbc.sql("select digest from profile_learning where state = 'LEARNING' order by digest")
                .query(String.class).list();
    }

    public Optional<LearningRow> find(String digest) {
        return jdbc.sql("select " + COLUMNS + " from profile_learning where digest = :d")
                .param("d", digest).query((rs, n) -> row(rs)).optional();
    }

    /** The learning row, locked; empty when another replica holds it right now. */
    public Optional<LearningRow> lockIfFree(String digest) {
        return jdbc.sql("select " + COLUMNS + " from profile_learning where digest = :d for update skip locked")
                .param("d", digest).query((rs, n) -> row(rs)).optional();
    }

    public Optional<LearningRow> lock(String digest) {
        return jdbc.sql("select " + COLUMNS + " from profile_learning where digest = :d for update")
                .param("d", digest).query((rs, n) -> row(rs)).optional();
    }

    public WindowContainers containers(String digest, int window) {
        return jdbc.sql("""
                select count(*), count(distinct node), coalesce(sum(extract(epoch from last_seen - first_seen)), 0)
                from profile_window_container where digest = :d and window_no = :w
                """)
                .param("d", digest).param("w", window)
                .query((rs, n) -> new WindowContainers(rs.getInt(1), rs.getInt(2),
                        Duration.ofMillis(Math.round(rs.getDouble(3) * 1000))))
                .single();
    }

    public void finish(String digest, Instant at, String reason) {
        template.update("update profile_learning set state = 'DONE', finished_at = ?, finish_reason = ?, "
                + "finish_requested = false where digest = ?", ts(at), reason, digest);
    }

    public void requestFinish(String digest) {
        template.update("update profile_learning set finish_requested = true where digest = ?", digest);
    }

    public void override(String digest, Duration window, Duration stability, Long minEvents, Integer minContainers) {
        template.update("""
                update profile_learning set
                  window_override = coalesce(?, window_override),
                  stability_override = coalesce(?, stability_override),
                  min_events_override = coalesce(?, min_events_override),
                  min_containers_override = coalesce(?, min_containers_override)
                where digest = ?
                """, interval(window), interval(stability), minEvents, minContainers, digest);
    }

    /** Opens the next window; counters start again, overrides stay. */
    public int startWindow(String digest, Instant at) {
        return jdbc.sql("""
                update profile_learning set window_no = window_no + 1, state = 'LEARNING', started_at = :at,
                  first_event_at = null, last_event_at = null, last_new_token_at = null, events = 0, tokens = 0,
                  partial = false, finish_requested = false, finished_at = null, finish_reason = null
                where digest = :d returning window_no
                """)
                .param("at", ts(at)).param("d", digest).query(Integer.class).single();
    }

    private static LearningRow row(ResultSet rs) throws SQLException {
        return new LearningRow(rs.getString("digest"), rs.getInt("window_no"), "LEARNING".equals(rs.getString("state")),
                instant(rs, "started_at"), instant(rs, "first_event_at"), instant(rs, "last_event_at"),
                instant(rs, "last_new_token_at"), rs.getLong("events"), rs.getInt("tokens"), rs.getBoolean("partial"),
                rs.getBoolean("finish_requested"), seconds(rs, "window_s"), seconds(rs, "stability_s"),
                (Long) rs.getObject("min_events_override"), (Integer) rs.getObject("min_containers_override"),
                instant(rs, "finished_at"), rs.getString("finish_reason"));
    }

    private static @Nullable Duration seconds(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        return value == null ? null : Duration.ofMillis(Math.round(((Number) value).doubleValue() * 1000));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable PGInterval interval(@Nullable Duration duration) {
        if (duration == null) {
            return null;
        }
        try {
            return new PGInterval(duration.toSeconds() + " seconds");
        } catch (SQLException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
