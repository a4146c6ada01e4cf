package io.habitus.model.sample;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Training samples as append-only chunks (see {@code V11__model_sample_chunks.sql}): a chunk holds
 * transitions with the occurrences that came with them; later occurrences of stored transitions are
 * summed per key. Reading merges both into one row per distinct transition.
 */
@Repository
public class SampleStore {

    private static final TypeReference<List<ChunkEntry>> ENTRIES = new TypeReference<>() {};

    /**
     * One transition of a chunk, as written in its JSON; chunks written before the actor was kept
     * have none. The state after is mostly implied by the state before and the event, so it is left
     * out then: {@code afterProcesses} when the processes did not change, {@code afterRecent} when
     * it is the recent tokens plus the event with the oldest {@code recentDropped} of them dropped.
     * That halves what a learning window writes per new transition.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChunkEntry(String key, List<String> beforeProcesses, List<String> beforeRecent, String event,
            @Nullable List<String> afterProcesses, @Nullable List<String> afterRecent, @Nullable Integer recentDropped,
            @Nullable String actor, @Nullable List<String> actorRecent, Instant firstSeen, long count) {

        static ChunkEntry of(SampleRow row) {
            SampledTransition t = row.transition();
            int dropped = t.beforeRecent().size() + 1 - t.afterRecent().size();
            boolean recentImplied = (dropped == 0 || dropped == 1) && t.afterRecent().equals(implied(t.beforeRecent(), t.event(), dropped));
            return new ChunkEntry(t.key(), t.beforeProcesses(), t.beforeRecent(), t.event(),
                    t.afterProcesses().equals(t.beforeProcesses()) ? null : t.afterProcesses(),
                    recentImplied ? null : t.afterRecent(), recentImplied ? dropped : null,
                    t.actor(), t.actorRecent(), t.firstSeen(), row.count());
        }

        SampledTransition transition() {
            return new SampledTransition(key, beforeProcesses, beforeRecent, event,
                    afterProcesses != null ? afterProcesses : beforeProcesses,
                    afterRecent != null ? afterRecent : implied(beforeRecent, event, recentDropped), actor,
                    actor == null ? null : actorRecent == null ? List.of() : actorRecent, firstSeen);
        }

        private static List<String> implied(List<String> beforeRecent, String event, int dropped) {
            List<String> after = new ArrayList<>(beforeRecent.size() + 1);
            after.addAll(beforeRecent);
            after.add(event);
            return List.copyOf(after.subList(dropped, after.size()));
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    SampleStore(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    /** Appends transitions with the occurrences that came with them, as one chunk. */
    public void append(String digest, int window, List<SampleRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String transitions = json.writeValueAsString(rows.stream().map(ChunkEntry::of).toList());
        jdbc.sql("insert into model_sample_chunk (digest, window_no, size, transitions) values (:d, :w, :size, cast(:t as json))")
                .param("d", digest).param("w", window).param("size", rows.size()).param("t", transitions).update();
    }

    /** Adds later occurrences of stored transitions: {count, digest, window, key} per row. */
    public void addCounts(List<Object[]> countDigestWindowKey) {
        template.batchUpdate("""
                insert into model_sample_count (count, digest, window_no, transition_key) values (?, ?, ?, ?)
                on conflict (digest, window_no, transition_key) do update set count = model_sample_count.count + excluded.count
                """, countDigestWindowKey);
    }

    /** Distinct transitions stored for the window; a transition written by two replicas counts twice. */
    public int countDistinct(String digest, int window) {
        return jdbc.sql("select coalesce(sum(size), 0) from model_sample_chunk where digest = :d and window_no = :w")
                .param("d", digest).param("w", window).query(Integer.class).single();
    }

    /** One row per distinct transition, ordered by key: first seen is the earliest, counts are summed. */
    public List<SampleRow> load(String digest, int window) {
        Map<String, SampledTransition> transitions = new TreeMap<>();
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("select transitions from model_sample_chunk where digest = :d and window_no = :w order by id")
                .param("d", digest).param("w", window).query(String.class).list()
                .forEach(chunk -> json.readValue(chunk, ENTRIES).forEach(entry -> {
                    transitions.merge(entry.key(), entry.transition(), SampleStore::earlier);
                    counts.merge(entry.key(), entry.count(), Long::sum);
                }));
        jdbc.sql("select transition_key, count from model_sample_count where digest = :d and window_no = :w")
                .param("d", digest).param("w", window)
                .query((rs, n) -> counts.merge(rs.getString(1), rs.getLong(2), Long::sum)).list();
        List<SampleRow> rows = new ArrayList<>(transitions.size());
        transitions.forEach((key, t) -> rows.add(new SampleRow(t, counts.get(key))));
        return rows;
    }

    private static SampledTransition earlier(SampledTransition a, SampledTransition b) {
        return b.firstSeen().isBefore(a.firstSeen()) ? b : a;
    }
}
