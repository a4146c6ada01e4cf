package io.habitus.ingest.persistence;

import io.habitus.ingest.AgentInfo;
import io.habitus.shared.FieldError;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The idempotency ledger. Claiming a batchId is an insert that does nothing on conflict: when two
 * deliveries of one batch race, the second insert waits for the first transaction and then finds
 * the row, so exactly one of them stores the events.
 */
@Repository
public class BatchLedger {

    private static final TypeReference<List<FieldError>> ERRORS = new TypeReference<>() {};

    private final JdbcClient client;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    BatchLedger(JdbcClient client, JdbcTemplate jdbc, JsonMapper json) {
        this.client = client;
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<StoredBatch> find(String batchId) {
        return client.sql("select accepted, rejected, rejections::text from ingest_batch where batch_id = :id")
                .param("id", batchId)
                .query((rs, n) -> new StoredBatch(batchId, rs.getInt(1), rs.getInt(2),
                        json.readValue(rs.getString(3), ERRORS)))
                .optional();
    }

    /** A batch to record. */
    public record Claim(String batchId, AgentInfo agent, Instant receivedAt, int accepted, List<FieldError> rejections) {}

    /**
     * Records the batches (of distinct batchIds) in one round trip: per batch, {@code false} when
     * another delivery of it got there first.
     */
    public boolean[] claimAll(List<Claim> claims) {
        int[] inserted = jdbc.batchUpdate("""
                insert into ingest_batch (batch_id, agent_id, agent_version, agent_sequence, agent_dropped,
                                          received_at, accepted, rejected, rejections)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
                on conflict (batch_id) do nothing
                """, new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        Claim claim = claims.get(i);
                        ps.setString(1, claim.batchId());
                        ps.setString(2, claim.agent().id());
                        ps.setString(3, claim.agent().version());
                        ps.setObject(4, claim.agent().sequence(), Types.BIGINT);
                        ps.setObject(5, claim.agent().dropped(), Types.BIGINT);
                        ps.setTimestamp(6, Timestamp.from(claim.receivedAt()));
                        ps.setInt(7, claim.accepted());
                        ps.setLong(8, claim.rejections().stream().map(FieldError::index).distinct().count());
                        ps.setString(9, json.writeValueAsString(claim.rejections()));
                    }

                    @Override
                    public int getBatchSize() {
                        return claims.size();
                    }
                });
        boolean[] claimed = new boolean[claims.size()];
        for (int i = 0; i < claimed.length; i++) {
            claimed[i] = inserted[i] == 1;
        }
        return claimed;
    }

    public int forgetReceivedBefore(Instant cutoff) {
        return client.sql("delete from ingest_batch where received_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff))
                .update();
    }
}
