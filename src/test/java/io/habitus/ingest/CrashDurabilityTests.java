package io.habitus.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.support.Api;
import io.habitus.support.Events;
import io.habitus.support.ServiceProcess;
import io.habitus.support.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Kills the service with SIGKILL while agents are posting batches, then checks that every batch
 * it acknowledged is stored completely, and that a restarted service accepts the retries of the
 * unacknowledged ones. The service runs as a separate JVM so that it can really be killed.
 */
class CrashDurabilityTests {

    private static final String TOKEN = "crash-admin";

    @Test
    void noAcknowledgedEventIsLostWhenTheServiceIsKilledMidIngest() throws Exception {
        TestDatabase.Coordinates db = TestDatabase.coordinates();
        int port = ServiceProcess.freePort();
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        Map<String, String> sent = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        String digest = Events.newDigest();

        ServiceProcess service = ServiceProcess.start(db, port, TOKEN, Map.of());
        try (ExecutorService agents = Executors.newFixedThreadPool(4)) {
            for (int agent = 0; agent < 4; agent++) {
                String container = Events.newId("crash");
                agents.submit(() -> {
                    Api api = new Api(port, TOKEN);
                    while (running.get()) {
                        String batchId = Events.newId("crash");
                        String body = Api.json(Events.batch(batchId, Events.mixed(digest, container, "node-a", 200)));
                        sent.put(batchId, body);
                        try {
                            Api.Reply reply = api.post("/api/v1/events", body);
                            if (reply.status() == 200) {
                                acknowledged.put(batchId, reply.json().get("accepted").intValue());
                            }
                        } catch (RuntimeException connectionLost) {
                            return;
                        }
                    }
                });
            }
            Instant deadline = Instant.now().plusSeconds(60);
            while (acknowledged.size() < 20 && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            service.kill(); // SIGKILL: no shutdown hooks, no graceful drain
            running.set(false);
        }

        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(20);
        for (Map.Entry<String, Integer> ack : acknowledged.entrySet()) {
            assertThat(storedEvents(db, ack.getKey())).as("events of acknowledged batch %s", ack.getKey())
                    .isEqualTo(ack.getValue().longValue());
        }

        ServiceProcess restarted = ServiceProcess.start(db, port, TOKEN, Map.of());
        try {
            Api api = new Api(port, TOKEN);
            for (Map.Entry<String, String> batch : sent.entrySet()) {
                Api.Reply retry = api.post("/api/v1/events", batch.getValue());
                assertThat(retry.status()).isEqualTo(200);
                String expected = acknowledged.containsKey(batch.getKey()) ? "DUPLICATE" : null;
                if (expected != null) {
                    assertThat(retry.json().get("outcome").stringValue()).isEqualTo(expected);
                }
                assertThat(storedEvents(db, batch.getKey())).isEqualTo(200L);
            }
        } finally {
            restarted.kill();
        }
    }

    private static long storedEvents(TestDatabase.Coordinates db, String batchId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.url(), db.username(), db.password());
                PreparedStatement query = connection.prepareStatement("select count(*) from ingest_event where batch_id = ?")) {
            query.setString(1, batchId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
