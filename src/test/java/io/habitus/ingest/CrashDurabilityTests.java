package io.habitus.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.support.Api;
import io.habitus.support.Events;
import io.habitus.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
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
        int port = freePort();
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        Map<String, String> sent = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        String digest = Events.newDigest();

        Process service = start(db, port);
        try (ExecutorService agents = Executors.newFixedThreadPool(4)) {
            awaitReady(port, service);
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
            service.destroyForcibly(); // SIGKILL: no shutdown hooks, no graceful drain
            service.waitFor(30, TimeUnit.SECONDS);
            running.set(false);
        }

        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(20);
        for (Map.Entry<String, Integer> ack : acknowledged.entrySet()) {
            assertThat(storedEvents(db, ack.getKey())).as("events of acknowledged batch %s", ack.getKey())
                    .isEqualTo(ack.getValue().longValue());
        }

        Process restarted = start(db, port);
        try {
            awaitReady(port, restarted);
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
            restarted.destroyForcibly();
            restarted.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * The same with 16 agents each committing one event per score call, so that the calls share
     * group commits: whatever was acknowledged is stored, with the container state that goes with it.
     */
    @Test
    void noAcknowledgedScoreIsLostWhenTheServiceIsKilledDuringGroupCommits() throws Exception {
        TestDatabase.Coordinates db = TestDatabase.coordinates();
        int port = freePort();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Map<String, String> sent = new ConcurrentHashMap<>();
        Map<String, String> containerOf = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        String digest = Events.newDigest();

        Process service = start(db, port);
        try (ExecutorService agents = Executors.newFixedThreadPool(16)) {
            awaitReady(port, service);
            for (int agent = 0; agent < 16; agent++) {
                String container = Events.newId("crash");
                agents.submit(() -> {
                    Api api = new Api(port, TOKEN);
                    while (running.get()) {
                        String batchId = Events.newId("score");
                        String body = Api.json(Map.of("batchId", batchId, "events", Events.mixed(digest, container, "node-a", 1)));
                        sent.put(batchId, body);
                        containerOf.put(batchId, container);
                        try {
                            Api.Reply reply = api.post("/api/v1/score?commit=true", body);
                            if (reply.status() == 200) {
                                acknowledged.add(batchId);
                            }
                        } catch (RuntimeException connectionLost) {
                            return;
                        }
                    }
                });
            }
            Instant deadline = Instant.now().plusSeconds(60);
            while (acknowledged.size() < 300 && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            service.destroyForcibly(); // SIGKILL, in the middle of group commits
            service.waitFor(30, TimeUnit.SECONDS);
            running.set(false);
        }

        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);
        Map<String, Long> stored = storedEventsOf(db, acknowledged);
        for (String batchId : acknowledged) {
            assertThat(stored.get(batchId)).as("event of acknowledged call %s", batchId).isEqualTo(1L);
        }

        Process restarted = start(db, port);
        try {
            awaitReady(port, restarted);
            Api api = new Api(port, TOKEN);
            // Every call left unanswered, and a sample of the answered ones, retried: stored once.
            List<String> retried = sent.keySet().stream().filter(id -> !acknowledged.contains(id)).collect(Collectors.toList());
            retried.addAll(acknowledged.stream().limit(50).toList());
            for (String batchId : retried) {
                Api.Reply retry = api.post("/api/v1/score?commit=true", sent.get(batchId));
                assertThat(retry.status()).isEqualTo(200);
                if (acknowledged.contains(batchId)) {
                    assertThat(retry.json().get("duplicate").booleanValue()).isTrue();
                }
            }
            assertThat(storedEventsOf(db, retried).values()).as("stored once").containsOnly(1L).hasSize(retried.size());
            // Each container's state counts exactly its stored events: they were committed together.
            for (String container : Set.copyOf(containerOf.values())) {
                long events = sent.keySet().stream().filter(id -> containerOf.get(id).equals(container)).count();
                assertThat(api.get("/api/v1/containers/" + container + "/state").json().get("events").longValue())
                        .isEqualTo(events);
            }
        } finally {
            restarted.destroyForcibly();
            restarted.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Process start(TestDatabase.Coordinates db, int port) throws IOException {
        Path log = Files.createTempFile("habitus-crash", ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "io.habitus.HabitusApplication"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SPRING_DATASOURCE_URL", db.url());
        builder.environment().put("SPRING_DATASOURCE_USERNAME", db.username());
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", db.password() == null ? "" : db.password());
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("HABITUS_ADMIN_TOKEN", TOKEN);
        // The database server's connections are shared with the test JVM's own pools (and, on a developer's
        // machine, other people's): the killed service's and its successor's need not be twenty each.
        builder.environment().put("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "8");
        return builder.start();
    }

    private static void awaitReady(int port, Process service) throws InterruptedException {
        Api api = new Api(port, null);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));   // a loaded 2-core machine starts it slowly
        while (Instant.now().isBefore(deadline)) {
            assertThat(service.isAlive()).as("service process is running").isTrue();
            try {
                if (api.get("/actuator/health/readiness").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("service did not become ready on port " + port);
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

    private static Map<String, Long> storedEventsOf(TestDatabase.Coordinates db, Collection<String> batchIds) throws SQLException {
        Map<String, Long> stored = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(db.url(), db.username(), db.password());
                PreparedStatement query = connection.prepareStatement(
                        "select batch_id, count(*) from ingest_event where batch_id = any(?) group by batch_id")) {
            query.setArray(1, connection.createArrayOf("text", batchIds.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return stored;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
