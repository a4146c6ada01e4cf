package io.habitus.model.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ModelStore {

    private static final String COLUMNS = """
            m.digest, m.version, m.format_version, m.model_text, m.sha256, m.feature_spec::text, m.hyper_parameters::text,
            m.threshold, m.statistics::text, m.profile_version, m.window_no, m.sample_distinct, m.sample_events,
            m.code_version, m.trained_at, m.job_id, coalesce(h.active_version = m.version, false) as active
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ModelStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public int nextVersion(String digest) {
        template.update("insert into model_head (digest, latest_version) values (?, 0) on conflict do nothing", digest);
        return jdbc.sql("update model_head set latest_version = latest_version + 1 where digest = :d returning latest_version")
                .param("d", digest).query(Integer.class).single();
    }

    public void insert(StoredModel m) {
        template.update("""
                insert into model_version (digest, version, format_version, model_text, sha256, feature_spec,
                  hyper_parameters, threshold, statistics, profile_version, window_no, sample_distinct, sample_events,
                  code_version, trained_at, job_id)
                values (?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?)
                """, m.digest(), m.version(), m.formatVersion(), m.text(), m.sha256(), m.featureSpecJson(),
                m.hyperParametersJson(), m.threshold(), m.statisticsJson(), m.profileVersion(), m.windowNo(),
                m.sampleDistinct(), m.sampleEvents(), m.codeVersion(), Timestamp.from(m.trainedAt()), m.jobId());
    }

    public void activate(String digest, int version, Instant at, String by) {
        template.update("update model_head set active_version = ?, activated_at = ?, activated_by = ? where digest = ?",
                version, Timestamp.from(at), by, digest);
    }

    public List<StoredModel> versions(String digest) {
        return jdbc.sql("select " + COLUMNS + " from model_version m left join model_head h on h.digest = m.digest "
                        + "where m.digest = :d order by m.version desc")
                .param("d", digest).query((rs, n) -> model(rs)).list();
    }

    public Optional<StoredModel> version(String digest, int version) {
        return jdbc.sql("select " + COLUMNS + " from model_version m left join model_head h on h.digest = m.digest "
                        + "where m.digest = :d and m.version = :v")
                .param("d", digest).param("v", version).query((rs, n) -> model(rs)).optional();
    }

    /** The active model version of each given image that has one. */
    public Map<String, Integer> activeVersions(Collection<String> digests) {
        Map<String, Integer> active = new HashMap<>();
        template.query("select digest, active_version from model_head where digest = any(?) and active_version is not null",
                rs -> {
                    active.put(rs.getString(1), rs.getInt(2));
                }, (Object) digests.toArray(String[]::new));
        return active;
    }

    private static StoredModel model(ResultSet rs) throws SQLException {
        return new StoredModel(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getDouble(8), rs.getString(9), (Integer) rs.getObject(10),
                rs.getInt(11), rs.getInt(12), rs.getLong(13), rs.getString(14), rs.getTimestamp(15).toInstant(),
                (Long) rs.getObject(16), rs.getBoolean(17));
    }
}
