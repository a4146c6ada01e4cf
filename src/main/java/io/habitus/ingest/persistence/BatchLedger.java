package io.habitus.ingest.persistence;

import io.habitus.ingest.AgentInfo;
import io.habitus.shared.FieldError;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    private final JdbcClient jdbc;
    private final JsonMapper json;

    BatchLedger(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<StoredBatch> find(String batchId) {
        return jdbc.sql("select accepted, rejected, rejections::text from ingest_batch where batch_id = :id")
                .param("id", batchId)
                .query((rs, n) -> new StoredBatch(batchId, rs.getInt(1), rs.getInt(2),
                        json.readValue(rs.getString(3), ERRORS)))
                .optional();
    }

    /** Records the batch; {@code false} when another delivery of it got there first. */
    public boolean claim(String batchId, AgentInfo agent, Instant receivedAt, int accepted, List<FieldError> rejections) {
        return jdbc.sql("""
                insert into ingest_batch (batch_id, agent_id, agent_version, agent_sequence, agent_dropped,
                                          received_at, accepted, rejected, rejections)
                values (:id, :agent, :version, :sequence, :dropped, :receivedAt, :accepted, :rejected, cast(:rejections as jsonb))
                on conflict (batch_id) do nothing
                """)
                .param("id", batchId)
                .param("agent", agent.id())
                .param("version", agent.version())
                .param("sequence", agent.sequence())
                .param("dropped", agent.dropped())
                .param("receivedAt", Timestamp.from(receivedAt))
                .param("accepted", accepted)
                .param("rejected", rejections.stream().map(FieldError::index).distinct().count())
                .param("rejections", json.writeValueAsString(rejections))
                .update() == 1;
    }

    public int forgetReceivedBefore(Instant cutoff) {
        return jdbc.sql("delete from ingest_batch where received_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff))
                .update();
    }
}
