package io.habitus.profile.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Observations of learning windows. Each batch's deltas go in as one statement per table
 * (rows passed as a JSON array and unpacked by {@code jsonb_to_recordset}), sorted by key so
 * that concurrent batches of one image lock rows in the same order.
 */
@Repository
public class ObservationStore {

    private static final int MAX_EXAMPLES = 5;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ObservationStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Registers tokens the window may not have yet (with no counts: those come with the statistics
     * flush); returns when each token that really was new was first seen. Existing rows are not
     * touched, so concurrent batches of one image do not wait for each other.
     */
    public List<Instant> registerTokens(String digest, int window, List<ObservationDelta> deltas) {
        List<Map<String, Object>> rows = deltas.stream()
                .sorted(Comparator.comparing(ObservationDelta::kind).thenComparing(ObservationDelta::pattern))
                .map(d -> row("kind", d.kind(), "pattern", d.pattern(), "first_seen", d.firstSeen().toString(),
                        "last_seen", d.lastSeen().toString()))
                .toList();
        return jdbc.sql("""
                insert into profile_observation (digest, window_no, kind, pattern, count, first_seen, last_seen, examples)
                select :digest, :window, x.kind, x.pattern, 0, x.first_seen, x.last_seen, '{}'
                from jsonb_to_recordset(cast(:rows as jsonb))
                     as x(kind text, pattern text, first_seen timestamptz, last_seen timestamptz)
                on conflict (digest, window_no, kind, pattern) do nothing
                returning first_seen
                """)
                .param("digest", digest).param("window", window).param("rows", json.writeValueAsString(rows))
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .list();
    }

    /** Adds the deltas' counts, times, examples and containers. */
    public void record(String digest, int window, List<ObservationDelta> deltas) {
        List<Map<String, Object>> rows = new ArrayList<>(deltas.size());
        List<Map<String, Object>> containerRows = new ArrayList<>();
        deltas.stream().sorted(Comparator.comparing(ObservationDelta::kind).thenComparing(ObservationDelta::pattern))
                .forEach(d -> {
                    rows.add(row("kind", d.kind(), "pattern", d.pattern(), "count", d.count(),
                            "first_seen", d.firstSeen().toString(), "last_seen", d.lastSeen().toString(),
                            "examples", d.examples().stream().sorted().limit(MAX_EXAMPLES).toList()));
                    d.containers().stream().sorted().forEach(c ->
                            containerRows.add(row("kind", d.kind(), "pattern", d.pattern(), "container_id", c)));
                });
        jdbc.sql("""
                insert into profile_observation as o (digest, window_no, kind, pattern, count, first_seen, last_seen, examples)
                select :digest, :window, x.kind, x.pattern, x.count, x.first_seen, x.last_seen, x.examples
                from jsonb_to_recordset(cast(:rows as jsonb))
                     as x(kind text, pattern text, count bigint, first_seen timestamptz, last_seen timestamptz, examples text[])
                on conflict (digest, window_no, kind, pattern) do update set
                  count = o.count + excluded.count,
                  first_seen = least(o.first_seen, excluded.first_seen),
                  last_seen = greatest(o.last_seen, excluded.last_seen),
                  examples = case when cardinality(o.examples) >= %d then o.examples
                                  else array(select distinct e from unnest(o.examples || excluded.examples) e order by e limit %d) end
                """.formatted(MAX_EXAMPLES, MAX_EXAMPLES))
                .param("digest", digest).param("window", window).param("rows", json.writeValueAsString(rows))
                .update();
        if (!containerRows.isEmpty()) {
            jdbc.sql("""
                    insert into profile_observation_container (digest, window_no, kind, pattern, container_id)
                    select :digest, :window, x.kind, x.pattern, x.container_id
                    from jsonb_to_recordset(cast(:rows as jsonb)) as x(kind text, pattern text, container_id text)
                    on conflict do nothing
                    """)
                    .param("digest", digest).param("window", window).param("rows", json.writeValueAsString(containerRows))
                    .update();
        }
    }

    public void recordContainers(String digest, int window, List<ContainerDelta> deltas) {
        List<Map<String, Object>> rows = deltas.stream()
                .sorted(Comparator.comparing(ContainerDelta::containerId))
                .map(d -> row("container_id", d.containerId(), "node", d.node(), "first_seen", d.firstSeen().toString(),
                        "last_seen", d.lastSeen().toString(), "events", d.events()))
                .toList();
        jdbc.sql("""
                insert into profile_window_container as c (digest, window_no, container_id, node, first_seen, last_seen, events)
                select :digest, :window, x.container_id, x.node, x.first_seen, x.last_seen, x.events
                from jsonb_to_recordset(cast(:rows as jsonb))
                     as x(container_id text, node text, first_seen timestamptz, last_seen timestamptz, events bigint)
                on conflict (digest, window_no, container_id) do update set
                  node = coalesce(excluded.node, c.node),
                  first_seen = least(c.first_seen, excluded.first_seen),
                  last_seen = greatest(c.last_seen, excluded.last_seen),
                  events = c.events + excluded.events
                """)
                .param("digest", digest).param("window", window).param("rows", json.writeValueAsString(rows))
                .update();
    }

    /**
     * Everything a window observed, with the containers and nodes behind each token.
     *
     * <p>One statement, so that tokens, containers and nodes come from one snapshot; but no join:
     * three scans of one table each, by primary-key prefix, appended, and joined in memory by
     * {@link WindowReading}. As a join, the planner chose nested loops whenever the image's rows were
     * newer than the tables' statistics — on a running system, typical of an image that is still
     * learning — and rescanned the window's (token, container) rows once per token: 67 s for 1,000
     * containers, quadratic in the window. Appended single-table scans have no such plan.
     */
    public List<Observed> observations(String digest, int window) {
        WindowReading reading = new WindowReading(json);
        jdbc.sql("""
                select '%s' as part, kind, pattern, count, first_seen, last_seen, examples,
                       null as containers, null as container_id, null as node
                from profile_observation where digest = :digest and window_no = :window
                union all
                select '%s', kind, pattern, null, null, null, null, json_agg(container_id)::text, null, null
                from profile_observation_container where digest = :digest and window_no = :window
                group by kind, pattern
                union all
                select '%s', null, null, null, null, null, null, null, container_id, node
                from profile_window_container where digest = :digest and window_no = :window
                """.formatted(WindowReading.TOKEN, WindowReading.TOKEN_CONTAINERS, WindowReading.CONTAINER))
                .param("digest", digest).param("window", window)
                .query(reading::add);
        return reading.observed();
    }

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}
