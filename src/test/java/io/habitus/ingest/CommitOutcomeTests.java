package io.habitus.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.support.Api;
import io.habitus.support.Events;
import io.habitus.support.PostgresProxy;
import io.habitus.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * D2: a 503 during a database outage used to say "nothing was stored" even when the connection
 * broke after PostgreSQL had committed (a retry then got DUPLICATE). The service runs against the
 * real PostgreSQL through {@link PostgresProxy}, which breaks the ingest transaction's connection
 * either after the server committed or before any commit; the answer must say which.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "habitus.security.admin-token=" + CommitOutcomeTests.TOKEN)
class CommitOutcomeTests {

    static final String TOKEN = "commit-outcome-admin";

    private static final PostgresProxy PROXY = proxy();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.Coordinates db = TestDatabase.coordinates();
        registry.add("spring.datasource.url", PROXY::jdbcUrl);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
    }

    @AfterAll
    static void closeProxy() throws IOException {
        PROXY.close();
    }

    @Test
    void aConnectionLostAfterTheCommitIsAnsweredOutcomeUnknownAndTheRetryIsADuplicate() {
        Api api = new Api(port, TOKEN);
        String digest = Events.newDigest();
        assertThat(api.post("/api/v1/events", batch(Events.newId("warm-up"), digest)).status()).isEqualTo(200);

        String batchId = Events.newId("commit-lost");
        PROXY.arm(PostgresProxy.Cut.AT_COMMIT);
        Api.Reply lost = api.post("/api/v1/events", batch(batchId, digest));

        assertThat(PROXY.fired()).isTrue();
        assertUnavailable(lost);
        assertThat(lost.json().get("detail").stringValue())
                .doesNotContain("nothing was stored")
                .contains("may or may not have been stored", "same batchId");
        assertThat(lost.json().path("outcome").stringValue()).isEqualTo("UNKNOWN");
        assertThat(storedEvents(batchId)).as("the commit did happen").isEqualTo(10);

        Api.Reply retry = api.post("/api/v1/events", batch(batchId, digest));
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("outcome").stringValue()).isEqualTo("DUPLICATE");
        assertThat(storedEvents(batchId)).isEqualTo(10);
    }

    @Test
    void aConnectionLostBeforeTheCommitIsAnsweredNothingStoredAndTheRetryStoresIt() {
        Api api = new Api(port, TOKEN);
        String digest = Events.newDigest();
        assertThat(api.post("/api/v1/events", batch(Events.newId("warm-up"), digest)).status()).isEqualTo(200);

        String batchId = Events.newId("copy-lost");
        PROXY.arm(PostgresProxy.Cut.AFTER_COPY);
        Api.Reply lost = api.post("/api/v1/events", batch(batchId, digest));

        assertThat(PROXY.fired()).isTrue();
        assertUnavailable(lost);
        assertThat(lost.json().get("detail").stringValue()).contains("nothing was stored");
        assertThat(lost.json().path("outcome").stringValue()).isEqualTo("NOT_STORED");
        assertThat(storedEvents(batchId)).isZero();

        Api.Reply retry = api.post("/api/v1/events", batch(batchId, digest));
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("outcome").stringValue()).isEqualTo("STORED");
        assertThat(storedEvents(batchId)).isEqualTo(10);
    }

    private static void assertUnavailable(Api.Reply reply) {
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(503);
        assertThat(reply.header("Retry-After")).isEqualTo("5");
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").stringValue()).endsWith("/unavailable");
    }

    private long storedEvents(String batchId) {
        return jdbc.sql("select count(*) from ingest_event where batch_id = ?").param(batchId).query(Long.class).single();
    }

    private static String batch(String batchId, String digest) {
        return Api.json(Events.batch(batchId, Events.mixed(digest, Events.newId("c"), "node-a", 10)));
    }

    private static PostgresProxy proxy() {
        try {
            return new PostgresProxy(TestDatabase.coordinates().url());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
