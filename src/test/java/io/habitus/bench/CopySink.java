package io.habitus.bench;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The baseline: the same rows the service writes for a batch, COPYed straight into PostgreSQL,
 * one COPY and one commit per batch, each client on its own connection. It is the least work
 * PostgreSQL can be asked to do to durably store those events, so service ÷ COPY says how much of
 * the database's capacity the service's own work (HTTP, JSON, validation, ledger, catalogue, its
 * transaction) leaves unused.
 */
final class CopySink implements BatchSink {

    private final String url;
    private final String user;
    private final String password;
    private final String sql;

    CopySink(String url, String user, String password, String table) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.sql = "copy " + table + " (event_time, received_at, batch_id, event_index, event_type, image_digest, "
                + "container_id, node, payload) from stdin";
    }

    @Override
    public String name() {
        return "COPY";
    }

    @Override
    public Client open() throws Exception {
        Connection connection = DriverManager.getConnection(url, user, password);
        connection.setAutoCommit(false);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        return new Client() {
            @Override
            public void store(PreparedBatch batch, String batchId, long sequence) throws Exception {
                // received_at is taken per batch, as the service does, and the text built per batch.
                byte[] rows = batch.copyText(batchId, Instant.now().toString());
                long stored = copy.copyIn(sql, new ByteArrayInputStream(rows));
                connection.commit();
                if (stored != batch.size()) {
                    throw new IllegalStateException("COPY stored " + stored + " rows of " + batch.size());
                }
            }

            @Override
            public void close() throws Exception {
                connection.close();
            }
        };
    }
}
