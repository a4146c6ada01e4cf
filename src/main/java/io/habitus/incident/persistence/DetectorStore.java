package io.habitus.incident.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Detectors per learning window: queued when learning ends, built by one replica, then READY. */
@Repository
public class DetectorStore {

    private static final String COLUMNS = """
            id, digest, window_no, status, created_at, ready_at, learned, novelty_rate, threshold, mix, mix_threshold,
            statistics::text, error, local_novelty_rate, action_novelty_rate, local_threshold, action_threshold,
            violation_opens, profile_version, rarity, rarity_threshold, long_rarity_threshold, new_action_opens,
            novelty_dispersions""";
    private static final String HEADER_COLUMNS = """
            id, digest, window_no, status, created_at, ready_at, null::bytea, novelty_rate, threshold, null::bytea,
            mix_threshold, statistics::text, error, local_novelty_rate, action_novelty_rate, local_threshold, action_threshold,
            violation_opens, profile_version, null::bytea, rarity_threshold, long_rarity_threshold, new_action_opens,
            novelty_dispersions""";

    private final JdbcTemplate jdbc;

    DetectorStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void enqueue(String digest, int window, int profileVersion, Instant at) {
        jdbc.update("""
                insert into incident_detector (digest, window_no, status, created_at, profile_version)
                values (?, ?, 'PENDING', ?, ?) on conflict (digest, window_no) do nothing""",
                digest, window, Timestamp.from(at), profileVersion);
    }

    /** Claims the oldest pending detector for the caller's transaction; other replicas skip it. */
    public Optional<DetectorRow> claimPending() {
        return jdbc.query("select " + HEADER_COLUMNS + " " + """
                 from incident_detector where status = 'PENDING' order by created_at, id limit 1 for update skip locked""",
                DetectorStore::row).stream().findFirst();
    }

    /** Rates, dispersions and thresholds in the order container sequence, process's own sequence, process's action. */
    public void ready(long id, byte[] learned, double[] noveltyRates, double[] dispersions, double[] thresholds, byte[] mix,
            double mixThreshold,
            byte[] rarity, double rarityThreshold, double longRarityThreshold, boolean violationOpens, boolean newActionOpens,
            String statistics, Instant at) {
        jdbc.update("""
                update incident_detector set status = 'READY', learned = ?, novelty_rate = ?, local_novelty_rate = ?,
                  action_novelty_rate = ?, threshold = ?, local_threshold = ?, action_threshold = ?, mix = ?,
                  mix_threshold = ?, rarity = ?, rarity_threshold = ?, long_rarity_threshold = ?, violation_opens = ?, new_action_opens = ?,
                  novelty_dispersions = ?, statistics = cast(? as jsonb),
                  ready_at = ?, error = null
                where id = ?""",
                learned, noveltyRates[0], noveltyRates[1], noveltyRates[2], thresholds[0], thresholds[1], thresholds[2], mix,
                mixThreshold, rarity, rarityThreshold, longRarityThreshold, violationOpens, newActionOpens,
                Arrays.stream(dispersions).boxed().toArray(Double[]::new), statistics, Timestamp.from(at), id);
    }

    /** Marks a detector failed unless another replica built it meanwhile. */
    public void failed(long id, String error) {
        jdbc.update("update incident_detector set status = 'FAILED', error = ? where id = ? and status = 'PENDING'", error, id);
    }

    /** The newest READY detector id of each digest that has one. */
    public Map<String, Long> newestReady(Collection<String> digests) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("""
                select digest, max(id) from incident_detector where status = 'READY' and digest = any(?) group by digest""",
                rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                }, (Object) digests.toArray(String[]::new));
        return ids;
    }

    public Optional<DetectorRow> find(long id) {
        return jdbc.query("select " + COLUMNS + " from incident_detector where id = ?", DetectorStore::row, id)
                .stream().findFirst();
    }

    /** The image's detectors, newest window first, without their learned sequences. */
    public List<DetectorRow> headers(String digest) {
        return jdbc.query("select " + HEADER_COLUMNS + " from incident_detector where digest = ? order by window_no desc",
                DetectorStore::row, digest);
    }

    public List<Long> allowedSequences(String digest) {
        return jdbc.queryForList("select fingerprint from incident_allowed_sequence where digest = ?", Long.class, digest);
    }

    public Map<String, Long> allowedCounts(Collection<String> digests) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("select digest, count(*) from incident_allowed_sequence where digest = any(?) group by digest",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, (Object) digests.toArray(String[]::new));
        return counts;
    }

    public void allow(String digest, Collection<Long> fingerprints) {
        jdbc.batchUpdate("insert into incident_allowed_sequence (digest, fingerprint) values (?, ?) on conflict do nothing",
                fingerprints.stream().sorted().map(f -> new Object[] {digest, f}).toList());
    }

    private static DetectorRow row(ResultSet rs, int n) throws SQLException {
        Timestamp ready = rs.getTimestamp(6);
        return new DetectorRow(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                rs.getTimestamp(5).toInstant(), ready == null ? null : ready.toInstant(), rs.getBytes(7),
                (Double) rs.getObject(8), (Double) rs.getObject(9), rs.getBytes(10), (Double) rs.getObject(11),
                rs.getString(12), rs.getString(13), (Double) rs.getObject(14), (Double) rs.getObject(15),
                (Double) rs.getObject(16), (Double) rs.getObject(17), (Boolean) rs.getObject(18),
                (Integer) rs.getObject(19), rs.getBytes(20), (Double) rs.getObject(21), (Double) rs.getObject(22),
                (Boolean) rs.getObject(23), dispersions(rs.getArray(24)));
    }

    private static double @Nullable [] dispersions(@Nullable Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        Object[] values = (Object[]) array.getArray();
        double[] dispersions = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            dispersions[i] = ((Number) values[i]).doubleValue();
        }
        return dispersions;
    }
}
