package io.habitus.incident.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The sequence fingerprints of learning containers, appended per batch and read once per window. */
@Repository
public class TraceStore {

    /**
     * One batch's events of one container, in event order: the fingerprints of the sequences each ends
     * (the container's, the acting process's own, the process's action) and its token-pair keys.
     * Rows written before the process's own sequences were traced load with zeros for them
     * (SequenceFingerprint.UNTRACED: counted as learned).
     */
    public record TraceChunk(String containerId, long[] fingerprints, long[] locals, long[] actions, long[] pairs) {}

    private final JdbcTemplate jdbc;

    TraceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void append(String digest, int window, List<TraceChunk> chunks) {
        jdbc.batchUpdate("""
                insert into incident_learning_trace (digest, window_no, container_id, fingerprints, locals, actions, pairs)
                values (?, ?, ?, ?, ?, ?, ?)""", chunks, 500, (ps, chunk) -> {
                    ps.setString(1, digest);
                    ps.setInt(2, window);
                    ps.setString(3, chunk.containerId());
                    ps.setArray(4, ps.getConnection().createArrayOf("bigint", boxed(chunk.fingerprints())));
                    ps.setArray(5, ps.getConnection().createArrayOf("bigint", boxed(chunk.locals())));
                    ps.setArray(6, ps.getConnection().createArrayOf("bigint", boxed(chunk.actions())));
                    ps.setArray(7, ps.getConnection().createArrayOf("bigint", boxed(chunk.pairs())));
                });
    }

    public long tracedEvents(String digest, int window) {
        Long events = jdbc.queryForObject("""
                select coalesce(sum(cardinality(fingerprints)), 0) from incident_learning_trace
                where digest = ? and window_no = ?""", Long.class, digest, window);
        return events == null ? 0 : events;
    }

    /** Each container's chunks joined in the order they were appended (event order per container). */
    public Map<String, TraceChunk> load(String digest, int window) {
        Map<String, List<TraceChunk>> chunks = new LinkedHashMap<>();
        jdbc.query("""
                select container_id, fingerprints, locals, actions, pairs from incident_learning_trace
                where digest = ? and window_no = ? order by id""", rs -> {
                    String container = rs.getString(1);
                    long[] fingerprints = unboxed((Long[]) rs.getArray(2).getArray());
                    chunks.computeIfAbsent(container, c -> new ArrayList<>()).add(new TraceChunk(container, fingerprints,
                            traced(unboxed((Long[]) rs.getArray(3).getArray()), fingerprints.length),
                            traced(unboxed((Long[]) rs.getArray(4).getArray()), fingerprints.length),
                            unboxed((Long[]) rs.getArray(5).getArray())));
                }, digest, window);
        Map<String, TraceChunk> traces = new LinkedHashMap<>();
        chunks.forEach((container, parts) -> traces.put(container, new TraceChunk(container,
                join(parts.stream().map(TraceChunk::fingerprints).toList()), join(parts.stream().map(TraceChunk::locals).toList()),
                join(parts.stream().map(TraceChunk::actions).toList()), join(parts.stream().map(TraceChunk::pairs).toList()))));
        return traces;
    }

    /** A row from before a length was traced has none of its fingerprints: zeros, one per event. */
    private static long[] traced(long[] fingerprints, int events) {
        return fingerprints.length == events ? fingerprints : new long[events];
    }

    private static long[] join(List<long[]> parts) {
        long[] joined = new long[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, joined, at, part.length);
            at += part.length;
        }
        return joined;
    }

    private static Long[] boxed(long[] values) {
        Long[] boxed = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    private static long[] unboxed(Long[] values) {
        long[] unboxed = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            unboxed[i] = values[i];
        }
        return unboxed;
    }
}
