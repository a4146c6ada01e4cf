package io.habitus.profile.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * Collects the three parts of {@link ObservationStore#observations} — the window's tokens, each
 * token's containers, each container's node — whatever order they arrive in, and joins them in
 * memory: hash lookups, linear in the rows read. A token's containers come as a JSON array:
 * Jackson reads 320,000 container ids in about half the CPU time the driver takes to decode the
 * same ids as a {@code text[]} (bench/finish.sh's 10,000 containers).
 */
final class WindowReading {

    static final String TOKEN = "token";
    static final String TOKEN_CONTAINERS = "token-containers";
    static final String CONTAINER = "container";

    private record Key(String kind, String pattern) {}

    private record Token(String kind, String pattern, long count, Instant firstSeen, Instant lastSeen,
            List<String> examples) {}

    private final JsonMapper json;
    private final List<Token> tokens = new ArrayList<>();
    private final Map<Key, List<String>> containersOf = new HashMap<>();
    private final Map<String, String> nodeOf = new HashMap<>();

    WindowReading(JsonMapper json) {
        this.json = json;
    }

    void add(ResultSet rs) throws SQLException {
        switch (rs.getString("part")) {
            case TOKEN -> tokens.add(new Token(rs.getString("kind"), rs.getString("pattern"), rs.getLong("count"),
                    rs.getTimestamp("first_seen").toInstant(), rs.getTimestamp("last_seen").toInstant(),
                    strings(rs, "examples")));
            case TOKEN_CONTAINERS -> containersOf.put(new Key(rs.getString("kind"), rs.getString("pattern")),
                    Arrays.asList(json.readValue(rs.getString("containers"), String[].class)));
            case CONTAINER -> nodeOf.put(rs.getString("container_id"), rs.getString("node"));
            default -> throw new IllegalStateException("unknown part " + rs.getString("part"));
        }
    }

    /** Every token with its containers and their distinct nodes (containers without a node count for no node). */
    List<Observed> observed() {
        tokens.sort(Comparator.comparing(Token::kind).thenComparing(Token::pattern));
        List<Observed> observed = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            List<String> containers = containersOf.getOrDefault(new Key(t.kind(), t.pattern()), List.of());
            Set<String> nodes = new HashSet<>();
            for (String container : containers) {
                String node = nodeOf.get(container);
                if (node != null) {
                    nodes.add(node);
                }
            }
            observed.add(new Observed(t.kind(), t.pattern(), t.count(), t.firstSeen(), t.lastSeen(), t.examples(),
                    containers, nodes.stream().sorted().toList()));
        }
        return observed;
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
