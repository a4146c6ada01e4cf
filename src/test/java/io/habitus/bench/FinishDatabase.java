package io.habitus.bench;

import io.habitus.bench.FinishOptions.Statistics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The benchmark's direct line to the service's database: puts the planner's statistics into the
 * state {@link Statistics} asks for, and counts the rows a finished window consists of.
 */
final class FinishDatabase implements AutoCloseable {

    /** The tables a learning window fills and a profile build reads. */
    private static final List<String> WINDOW_TABLES = List.of("profile_observation", "profile_observation_container",
            "profile_window_container", "profile_learning");

    private final Connection db;
    private final Statistics statistics;

    FinishDatabase(FinishOptions options) throws SQLException {
        this.db = DriverManager.getConnection(options.jdbcUrl(), options.jdbcUser(), options.jdbcPassword());
        this.statistics = options.statistics();
        if (statistics == Statistics.STALE) {
            // Autovacuum still vacuums (as it would), it just never analyses these tables.
            for (String table : WINDOW_TABLES) {
                execute("alter table " + table + " set (autovacuum_analyze_threshold = 2147483647)");
            }
        }
    }

    /** Before an image's events arrive: with STALE, what the planner knows stops here. */
    void beforeLearning() throws SQLException {
        if (statistics == Statistics.STALE) {
            analyze();
        }
    }

    /** Right before FINISH: with FRESH, the planner knows the image's rows. */
    void beforeFinish() throws SQLException {
        if (statistics == Statistics.FRESH) {
            analyze();
        }
    }

    /** Tokens, (token, container) pairs and containers of the image's window 1, and its events. */
    String shape(String digest) throws SQLException {
        return "%,d tokens, %,d token-container pairs, %,d containers, %,d events".formatted(
                count("select count(*) from profile_observation where digest = ? and window_no = 1", digest),
                count("select count(*) from profile_observation_container where digest = ? and window_no = 1", digest),
                count("select count(*) from profile_window_container where digest = ? and window_no = 1", digest),
                count("select events from profile_learning where digest = ?", digest));
    }

    @Override
    public void close() throws SQLException {
        if (statistics == Statistics.STALE) {
            for (String table : WINDOW_TABLES) {
                execute("alter table " + table + " reset (autovacuum_analyze_threshold)");
            }
        }
        db.close();
    }

    private void analyze() throws SQLException {
        execute("analyze " + String.join(", ", WINDOW_TABLES));
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    private long count(String sql, String digest) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, digest);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }
}
