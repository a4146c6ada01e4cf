package io.habitus.model.sample;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class SampleStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    SampleStore(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    /** Inserts transitions the window does not have yet, with no count (counts follow); returns how many were new. */
    public int insertNew(String digest, int window, List<SampledTransition> transitions) {
        List<Map<String, Object>> rows = transitions.stream().sorted(Comparator.comparing(SampledTransition::key))
                .map(t -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("transition_key", t.key());
                    row.put("before_processes", t.beforeProcesses());
                    row.put("before_recent", t.beforeRecent());
                    row.put("event", t.event());
                    row.put("after_processes", t.afterProcesses());
                    row.put("after_recent", t.afterRecent());
                    row.put("actor", t.actor());
                    row.put("actor_recent", t.actorRecent());
                    row.put("first_seen", t.firstSeen().toString());
                    return row;
                }).toList();
        return jdbc.sql("""
                insert into model_sample (digest, window_no, transition_key, before_processes, before_recent, event,
                                          after_processes, after_recent, actor, actor_recent, count, first_seen)
                select :digest, :window, x.transition_key, x.before_processes, x.before_recent, x.event,
                       x.after_processes, x.after_recent, x.actor, x.actor_recent, 0, x.first_seen
                from jsonb_to_recordset(cast(:rows as jsonb)) as x(transition_key text, before_processes text[],
                     before_recent text[], event text, after_processes text[], after_recent text[], actor text,
                     actor_recent text[], first_seen timestamptz)
                on conflict do nothing
                """).param("digest", digest).param("window", window).param("rows", json.writeValueAsString(rows)).update();
    }

    public void addCounts(List<Object[]> countDigestWindowKey) {
        template.batchUpdate("update model_sample set count = count + ? where digest = ? and window_no = ? and transition_key = ?",
                countDigestWindowKey);
    }

    public int countDistinct(String digest, int window) {
        return jdbc.sql("select count(*) from model_sample where digest = :d and window_no = :w")
                .param("d", digest).param("w", window).query(Integer.class).single();
    }

    public List<SampleRow> load(String digest, int window) {
        return jdbc.sql("""
                select transition_key, before_processes, before_recent, event, after_processes, after_recent, first_seen, count,
                       actor, actor_recent
                from model_sample where digest = :d and window_no = :w order by transition_key
                """).param("d", digest).param("w", window).query((rs, n) -> row(rs)).list();
    }

    private static SampleRow row(ResultSet rs) throws SQLException {
        String actor = rs.getString(9);
        return new SampleRow(new SampledTransition(rs.getString(1), strings(rs.getArray(2)), strings(rs.getArray(3)),
                rs.getString(4), strings(rs.getArray(5)), strings(rs.getArray(6)), actor,
                actor == null ? null : strings(rs.getArray(10)), rs.getTimestamp(7).toInstant()), rs.getLong(8));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

}
