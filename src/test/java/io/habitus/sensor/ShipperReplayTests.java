package io.habitus.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.support.Api;
import io.habitus.support.Events;
import io.habitus.support.PostgresProxy;
import io.habitus.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The fixtures replayed exactly as each shipper sends them (its batching, compression, headers,
 * and its resending of the same bytes on 429/503), against real PostgreSQL behind
 * {@link PostgresProxy}, which breaks the connection of a chosen ingest transaction: after the
 * commit (503, outcome UNKNOWN) or before it (503, NOT_STORED). Whatever breaks, every event is
 * stored exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "habitus.security.admin-token=" + ShipperReplayTests.ADMIN)
class ShipperReplayTests {

    static final String ADMIN = "shipper-replay-admin";
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
    void vectorsBatchesAreStoredOnceThroughALostCommitALostCopyAndAResentBatch() {
        Api agent = new Api(port, agentToken());
        List<byte[]> batches = Shipper.vector(6).batches(tetragonRecords());
        assertThat(batches).hasSize(3);

        List<Api.Reply> first = Shipper.vector(6).deliver(agent, "/api/v1/sensors/tetragon", batches.get(0));
        PROXY.arm(PostgresProxy.Cut.AT_COMMIT);
        List<Api.Reply> second = Shipper.vector(6).deliver(agent, "/api/v1/sensors/tetragon", batches.get(1));
        PROXY.arm(PostgresProxy.Cut.AFTER_COPY);
        List<Api.Reply> third = Shipper.vector(6).deliver(agent, "/api/v1/sensors/tetragon", batches.get(2));
        List<Api.Reply> resent = Shipper.vector(6).deliver(agent, "/api/v1/sensors/tetragon", batches.get(0));

        assertThat(outcomes(first)).containsExactly("200 STORED");
        assertThat(outcomes(second)).containsExactly("503 UNKNOWN", "200 DUPLICATE");
        assertThat(outcomes(third)).containsExactly("503 NOT_STORED", "200 STORED");
        assertThat(outcomes(resent)).as("a batch Vector resends after a timeout").containsExactly("200 DUPLICATE");
        assertThat(second.getFirst().header("Retry-After")).isEqualTo("5");
        assertThat(stored(first, second, third)).containsExactly(6L, 6L, 1L);
    }

    @Test
    void fluentBitsChunksAreStoredOnceThroughALostCommit() {
        Api agent = new Api(port, agentToken());
        List<byte[]> chunks = Shipper.fluentBit(10).batches(tetragonRecords());

        List<Api.Reply> first = Shipper.fluentBit(10).deliver(agent, "/api/v1/sensors/tetragon", chunks.get(0));
        PROXY.arm(PostgresProxy.Cut.AT_COMMIT);
        List<Api.Reply> second = Shipper.fluentBit(10).deliver(agent, "/api/v1/sensors/tetragon", chunks.get(1));

        assertThat(outcomes(first)).containsExactly("200 STORED");
        assertThat(outcomes(second)).containsExactly("503 UNKNOWN", "200 DUPLICATE");
        assertThat(stored(first, second)).containsExactly(10L, 3L);
    }

    @Test
    void falcosidekicksPostsAreOneAlertEachAndADeliveryRepeatedIsStoredOnce() {
        Api agent = new Api(port, agentToken());
        List<JsonNode> alerts = SensorRecords.movedTo(SensorRecords.fixture("falco/alerts.jsonl"), Instant.now());
        List<byte[]> posts = Shipper.falcosidekick().batches(alerts);

        List<String> outcomes = posts.stream()
                .map(post -> outcomes(Shipper.falcosidekick().deliver(agent, "/api/v1/sensors/falco", post)).getFirst())
                .toList();
        List<Api.Reply> repeated = Shipper.falcosidekick().deliver(agent, "/api/v1/sensors/falco", posts.getFirst());

        assertThat(outcomes).containsExactly("200 STORED", "200 STORED", "200 STORED", "200 STORED", "200 STORED",
                "200 STORED", "200 NOTHING_TO_STORE", "200 NOTHING_TO_STORE", "200 NOTHING_TO_STORE",
                "200 NOTHING_TO_STORE", "200 NOTHING_TO_STORE");
        assertThat(outcomes(repeated)).containsExactly("200 DUPLICATE");
    }

    private static List<JsonNode> tetragonRecords() {
        return SensorRecords.movedTo(SensorRecords.fixture("tetragon/pod-events.jsonl"), Instant.now());
    }

    private String agentToken() {
        return new Api(port, ADMIN).post("/api/v1/tokens", Api.json(Map.of("name", Events.newId("shipper"), "role", "AGENT")))
                .json().get("secret").stringValue();
    }

    private static List<String> outcomes(List<Api.Reply> replies) {
        return replies.stream().map(r -> r.status() + " " + r.json().path("outcome").stringValue()).toList();
    }

    @SafeVarargs
    private List<Long> stored(List<Api.Reply>... deliveries) {
        return java.util.Arrays.stream(deliveries)
                .map(replies -> replies.getLast().json().get("batchId").stringValue())
                .map(batchId -> jdbc.sql("select count(*) from ingest_event where batch_id = ?").param(batchId)
                        .query(Long.class).single())
                .toList();
    }

    private static PostgresProxy proxy() {
        try {
            return new PostgresProxy(TestDatabase.coordinates().url());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
