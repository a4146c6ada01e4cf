package io.habitus.incident.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The sequence fingerprints of learning containers, appended per batch and read once per window. */
@Repository
public class TraceStore {

    public record TraceChunk(String containerId, long[] fingerprints) {}

    private final JdbcTemplate jdbc;

    TraceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void append(String digest, int window, List<TraceChunk> chunks) {
        jdbc.batchUpdate("insert into incident_learning_trace (digest, window_no, container_id, fingerprints) values (?, ?, ?, ?)",
                chunks, 500, (ps, chunk) -> {
                    ps.setString(1, digest);
                    ps.setInt(2, window);
                    ps.setString(3, chunk.containerId());
                    Long[] boxed = new Long[chunk.fingerprints().length];
                    for (int i = 0; i < boxed.length; i++) {
                        boxed[i] = chunk.fingerprints()[i];
                    }
                    ps.setArray(4, ps.getConnection().createArrayOf("bigint", boxed));
                });
    }

    public long tracedEvents(String digest, int window) {
        Long events = jdbc.queryForObject("""
                select coalesce(sum(cardinality(fingerprints)), 0) from incident_learning_trace
                where digest = ? and window_no = ?""", Long.class, digest, window);
        return events == null ? 0 : events;
    }

    /** Each container's fingerprints in the order they were appended (event order per container). */
    public Map<String, long[]> load(String digest, int window) {
        Map<String, List<long[]>> chunks = new LinkedHashMap<>();
        jdbc.query("select container_id, fingerprints from incident_learning_trace where digest = ? and window_no = ? order by id",
                rs -> {
                    Long[] values = (Long[]) rs.getArray(2).getArray();
                    long[] fingerprints = new long[values.length];
                    for (int i = 0; i < values.length; i++) {
                        fingerprints[i] = values[i];
                    }
                    chunks.computeIfAbsent(rs.getString(1), c -> new java.util.ArrayList<>()).add(fingerprints);
                }, digest, window);
        Map<String, long[]> traces = new LinkedHashMap<>();
        chunks.forEach((container, parts) -> {
            int length = parts.stream().mapToInt(p -> p.length).sum();
            long[] trace = new long[length];
            int at = 0;
            for (long[] part : parts) {
                System.arraycopy(part, 0, trace, at, part.length);
                at += part.length;
            }
            traces.put(container, trace);
        });
        return traces;
    }
}
