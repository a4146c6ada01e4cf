package io.habitus.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.support.Api;
import io.habitus.support.Events;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With its database gone, Habitus answers 503 with Retry-After instead of failing or hanging, and
 * recovers by itself when the database is back. Uses a PostgreSQL of its own, because it stops it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"habitus.security.admin-token=outage-admin", "spring.datasource.hikari.connection-timeout=1000"})
class DatabaseOutageTests {

    private static final Path DATA = tempDirectory();
    private static final int DB_PORT = freePort();
    private static EmbeddedPostgres postgres = start();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + DB_PORT + "/postgres");
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void ingestAnswers503WithRetryAfterWhileTheDatabaseIsDownAndRecoversAfterwards() throws Exception {
        Api api = new Api(port, "outage-admin");
        String digest = Events.newDigest();
        assertThat(api.post("/api/v1/events", batch(digest)).status()).isEqualTo(200);

        postgres.close();
        String lostBatch = Events.newId("outage");
        Api.Reply down = api.post("/api/v1/events", Api.json(Events.batch(lostBatch,
                Events.mixed(digest, Events.newId("c"), "node-a", 10))));
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.header("Retry-After")).isEqualTo("5");
        assertThat(down.contentType()).startsWith("application/problem+json");
        assertThat(down.json().get("type").stringValue()).endsWith("/unavailable");
        assertThat(down.json().get("outcome").stringValue()).as("no commit was attempted").isEqualTo("NOT_STORED");
        assertThat(api.get("/api/v1/images").status()).isEqualTo(503);
        assertThat(new Api(port, null).get("/actuator/health/readiness").status()).isEqualTo(503);

        postgres = start();
        Api.Reply back = retryUntilOk(api, Api.json(Events.batch(lostBatch,
                Events.mixed(digest, Events.newId("c"), "node-a", 10))));
        assertThat(back.json().get("outcome").stringValue()).isEqualTo("STORED");
        assertThat(jdbc.sql("select count(*) from ingest_event where batch_id = ?").param(lostBatch)
                .query(Long.class).single()).isEqualTo(10);
        assertThat(new Api(port, null).get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    private static Api.Reply retryUntilOk(Api api, String body) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Api.Reply reply;
        do {
            reply = api.post("/api/v1/events", body);
            if (reply.status() == 200) {
                return reply;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        return reply;
    }

    private static String batch(String digest) {
        return Api.json(Events.batch(Events.newId("outage"), Events.mixed(digest, Events.newId("c"), "node-a", 10)));
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().setDataDirectory(DATA).setCleanDataDirectory(false).setPort(DB_PORT).start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("habitus-outage");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
