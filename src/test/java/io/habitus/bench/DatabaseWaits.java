package io.habitus.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Samples what the database's sessions are doing during a phase (pg_stat_activity every 50 ms)
 * and reports the average number of sessions in each state. It answers "is PostgreSQL the
 * bottleneck?" without a profiler: sessions mostly "idle" mean the database waits for the service;
 * "idle in transaction" means it waits for the service in the middle of a transaction (holding
 * locks); "Lock:*" means transactions queue behind each other's row locks; "IO:WALSync" or
 * "LWLock:WALWrite" mean commits queue for the WAL flush; "CPU" means it is computing.
 */
final class DatabaseWaits {

    private static final String SAMPLE = """
            select case when state = 'active' then coalesce(wait_event_type || ':' || wait_event, 'CPU')
                        else state end, count(*)
            from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
              and state is not null
            group by 1
            """;

    private final String url;
    private final String user;
    private final String password;
    private final Map<String, Long> counts = new TreeMap<>();
    private volatile boolean running;
    private Thread sampler;
    private long samples;

    DatabaseWaits(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void start() throws Exception {
        counts.clear();
        samples = 0;
        running = true;
        Connection connection = DriverManager.getConnection(url, user, password);
        sampler = Thread.ofPlatform().daemon().name("bench-pg-waits").start(() -> {
            try (connection; Statement statement = connection.createStatement()) {
                while (running) {
                    try (ResultSet rs = statement.executeQuery(SAMPLE)) {
                        while (rs.next()) {
                            counts.merge(rs.getString(1), rs.getLong(2), Long::sum);
                        }
                    }
                    samples++;
                    Thread.sleep(50);
                }
            } catch (Exception e) {
                counts.put("(sampling failed: " + e.getMessage() + ")", 0L);
            }
        });
    }

    /** Average sessions per state over the phase, busiest first. */
    String stop() throws InterruptedException {
        running = false;
        sampler.join();
        long n = Math.max(1, samples);
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(8)
                .map(e -> "%s %.2f".formatted(e.getKey(), (double) e.getValue() / n))
                .collect(Collectors.joining(", "));
    }
}
