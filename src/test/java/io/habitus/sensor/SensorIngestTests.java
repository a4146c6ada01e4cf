package io.habitus.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.habitus.support.Api;
import io.habitus.support.Events;
import io.habitus.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/v1/sensors/tetragon} and {@code /falco} over HTTP against real PostgreSQL: the
 * records become stored events of the right images, skips are counted, retries are stored once, and
 * bad bodies get problem responses that leave nothing behind.
 */
class SensorIngestTests extends IntegrationTest {

    private static final String NDJSON = "application/x-ndjson";
    private static final String TETRAGON = "/api/v1/sensors/tetragon";
    private static final String FALCO = "/api/v1/sensors/falco";

    @Autowired
    JdbcClient jdbc;

    @Test
    void tetragonsRecordsAreStoredAndARetryWithTheSameIdempotencyKeyIsStoredOnce() {
        byte[] body = ndjson(SensorRecords.movedTo(SensorRecords.fixture("tetragon/pod-events.jsonl"), Instant.now()));
        String key = Events.newId("tetragon-key");

        Api.Reply first = api().send("POST", TETRAGON, NDJSON, body, "Idempotency-Key", key);
        assertThat(first.status()).as(first.raw().body()).isEqualTo(200);
        assertThat(first.json().get("batchId").stringValue()).isEqualTo("tetragon:" + key);
        assertThat(first.json().get("outcome").stringValue()).isEqualTo("STORED");
        assertThat(counts(first.json())).containsExactly(18, 13, 0, 0, 5);
        assertThat(first.json().get("skips").toString()).contains("{\"reason\":\"host-process\",\"what\":null,\"count\":1}",
                "{\"reason\":\"unsupported-kind\",\"what\":\"process_connect\",\"count\":1}");
        assertThat(stored("tetragon:" + key)).isEqualTo(13);

        Api.Reply retry = api().send("POST", TETRAGON, NDJSON, body, "Idempotency-Key", key);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("outcome").stringValue()).isEqualTo("DUPLICATE");
        assertThat(counts(retry.json())).containsExactly(18, 0, 13, 0, 5);
        assertThat(stored("tetragon:" + key)).isEqualTo(13);

        JsonNode image = api().get("/api/v1/images/sha256:5f0c2a1e9b8d7c6f4e3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e").json();
        assertThat(image.get("names").toString()).contains("docker.io/library/nginx:1.27");
        assertThat(image.get("nodes").toString()).contains("worker-1");
    }

    @Test
    void withoutAnIdempotencyKeyTheBodyIdentifiesARetryAlsoGzippedAndAsAnArray() {
        List<JsonNode> records = SensorRecords.movedTo(SensorRecords.fixture("tetragon/pod-events.jsonl"), Instant.now());
        byte[] array = Api.gzip(SensorRecords.JSON.writeValueAsBytes(records));

        Api.Reply first = api().send("POST", TETRAGON, "application/json", array, "Content-Encoding", "gzip");
        Api.Reply retry = api().send("POST", TETRAGON, "application/json", array, "Content-Encoding", "gzip");

        assertThat(first.status()).as(first.raw().body()).isEqualTo(200);
        assertThat(first.json().get("outcome").stringValue()).isEqualTo("STORED");
        assertThat(first.json().get("batchId").stringValue()).matches("tetragon:sha256:[0-9a-f]{64}");
        assertThat(retry.json().get("outcome").stringValue()).isEqualTo("DUPLICATE");
        assertThat(retry.json().get("batchId").stringValue()).isEqualTo(first.json().get("batchId").stringValue());
        assertThat(stored(first.json().get("batchId").stringValue())).isEqualTo(13);
    }

    @Test
    void theRealTetragonOutputGoesThroughWithHostProcessesAndEnterpriseKindsSkipped() {
        assumeThat(SensorRecords.SHARED_TETRAGON.resolve("docs-2022")).isDirectory();
        List<JsonNode> records = new ArrayList<>(SensorRecords.sharedLines("testdata-events.jsonl"));
        DocsTwentyTwentyTwo.EXPECTED.keySet().forEach(f -> records.add(SensorRecords.shared("docs-2022/" + f)));
        byte[] body = Api.gzip(ndjson(SensorRecords.movedTo(records, Instant.now())));
        String key = Events.newId("book");
        long expectedEvents = 3 + DocsTwentyTwentyTwo.EXPECTED.values().stream().filter(v -> !v.startsWith("skip")).count();
        long hostProcesses = DocsTwentyTwentyTwo.EXPECTED.values().stream().filter(v -> v.equals("skip host-process")).count();

        Api.Reply reply = api().send("POST", TETRAGON, NDJSON, body, "Content-Encoding", "gzip", "Idempotency-Key", key);

        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        assertThat(reply.json().get("accepted").intValue()).as(reply.raw().body()).isEqualTo(expectedEvents);
        assertThat(reply.json().get("rejected").intValue()).isZero();
        assertThat(reply.json().get("skipped").intValue()).isEqualTo(records.size() - expectedEvents);
        assertThat(reply.json().get("skips").toString()).contains(
                "{\"reason\":\"host-process\",\"what\":null,\"count\":" + hostProcesses + "}",
                "\"reason\":\"unsupported-kind\",\"what\":\"process_connect\"",
                "\"reason\":\"unsupported-kind\",\"what\":\"process_close\"",
                "\"reason\":\"unsupported-kind\",\"what\":\"process_listen\"");
        JsonNode elasticsearch = api().get("/api/v1/images/sha256:ff3aa5862fd17f8695984609743f4523188984adbcd25cf5ac4224b71084558c").json();
        assertThat(elasticsearch.get("nodes").toString()).contains("minikube");
        assertThat(elasticsearch.get("names").toString()).contains("quay.io/isovalent/jobs-app-elasticsearch:latest");
        assertThat(api().get("/api/v1/images/sha256:8e86f744bfea165fd4ce68caa05abc96500f40130b857773186401926af7e9e6")
                .json().get("nodes").toString()).contains("my-node");

        Api.Reply retry = api().send("POST", TETRAGON, NDJSON, body, "Content-Encoding", "gzip", "Idempotency-Key", key);
        assertThat(retry.json().get("outcome").stringValue()).isEqualTo("DUPLICATE");
        assertThat(stored("tetragon:" + key)).isEqualTo(expectedEvents);
    }

    @Test
    void falcosAlertsAreStoredAndAFalcosidekickPostRetriedIsStoredOnce() {
        byte[] alerts = ndjson(SensorRecords.movedTo(SensorRecords.fixture("falco/alerts.jsonl"), Instant.now()));

        Api.Reply lines = api().send("POST", FALCO, NDJSON, alerts);
        assertThat(lines.status()).as(lines.raw().body()).isEqualTo(200);
        assertThat(counts(lines.json())).containsExactly(11, 6, 0, 0, 5);
        assertThat(lines.json().get("skips").toString())
                .contains("{\"reason\":\"missing-fields\",\"what\":\"Terminal shell in container: proc.exepath\",\"count\":1}");

        JsonNode post = SensorRecords.movedTo(List.of(SensorRecords.JSON.readTree(
                SensorRecords.fixtureText("falco/falcosidekick-webhook.json"))), Instant.now()).getFirst();
        byte[] webhook = SensorRecords.JSON.writeValueAsBytes(post);
        Api.Reply first = api().send("POST", FALCO, "application/json", webhook);
        Api.Reply retry = api().send("POST", FALCO, "application/json", webhook);
        assertThat(first.json().get("outcome").stringValue()).as(first.raw().body()).isEqualTo("STORED");
        assertThat(retry.json().get("outcome").stringValue()).isEqualTo("DUPLICATE");
        assertThat(stored(first.json().get("batchId").stringValue())).isEqualTo(1);
        assertThat(api().get("/api/v1/images/sha256:0e1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a7f8e9d0c1b2a3f4e5d6c7b8a9f0e1d")
                .json().get("nodes").toString()).contains("worker-2");
    }

    @Test
    void tetragonsEventsAreLearnedAndThenJudgedLikeAnAgentsEvents() {
        String digest = Events.newDigest();
        String container = Events.newDigest().substring("sha256:".length());
        String fixture = SensorRecords.fixtureText("tetragon/pod-events.jsonl")
                .replace("sha256:5f0c2a1e9b8d7c6f4e3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e", digest)
                .replace("9b2f6c1d4e7a8b3c5d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7", container);
        List<JsonNode> learned = SensorRecords.movedTo(fixture.lines().map(SensorRecords.JSON::readTree).toList(),
                Instant.now().minusSeconds(60));
        assertThat(api().send("POST", TETRAGON, NDJSON, ndjson(learned)).json().get("accepted").intValue()).isEqualTo(13);
        Api.Reply finished = api().post("/api/v1/images/" + digest + "/learning", Api.json(Map.of("action", "FINISH")));
        assertThat(finished.status()).as(finished.raw().body()).isEqualTo(200);

        // nginx starts a shell: Tetragon's exec of /bin/sh whose parent is nginx.
        JsonNode shell = learned.get(1).deepCopy();
        ((ObjectNode) shell.get("process_exec").get("process")).put("binary", "/bin/sh")
                .put("exec_id", "c2hlbGw=").put("pid", 4242);
        ((ObjectNode) shell.get("process_exec").get("parent")).put("binary", "/usr/sbin/nginx");
        ((ObjectNode) shell).put("time", Instant.now().toString());
        Api.Reply judged = api().send("POST", TETRAGON, NDJSON, ndjson(List.of(shell)));
        assertThat(judged.json().get("accepted").intValue()).as(judged.raw().body()).isEqualTo(1);

        JsonNode audits = api().get("/api/v1/audits?image=" + digest + "&verdict=VIOLATION").json().get("items");
        assertThat(audits).hasSize(1);
        assertThat(audits.get(0).get("ruleValue").stringValue()).isEqualTo("/bin/sh <- /usr/sbin/nginx");
        assertThat(audits.get(0).get("containerId").stringValue()).isEqualTo(container);
        assertThat(audits.get(0).get("node").stringValue()).isEqualTo("worker-1");
    }

    @Test
    void aBatchWhoseRecordsAreAllSkippedStoresNothingAndIsNoError() {
        List<JsonNode> skipped = SensorRecords.fixture("tetragon/pod-events.jsonl").subList(13, 18);

        Api.Reply reply = api().send("POST", TETRAGON, NDJSON, ndjson(skipped));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("outcome").stringValue()).isEqualTo("NOTHING_TO_STORE");
        assertThat(counts(reply.json())).containsExactly(5, 0, 0, 0, 5);
    }

    @Test
    void eventsOutsideRetentionAreRejectedByTheirRecordsIndex() {
        List<JsonNode> records = SensorRecords.fixture("tetragon/pod-events.jsonl");
        List<JsonNode> oldAndHost = List.of(records.get(13), records.get(2));

        Api.Reply reply = api().send("POST", TETRAGON, NDJSON, ndjson(oldAndHost));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").stringValue()).endsWith("/invalid-events");
        assertThat(reply.json().get("errors").get(0).get("index").intValue()).as("the record, not the event").isEqualTo(1);
        assertThat(reply.json().get("errors").get(0).get("field").stringValue()).isEqualTo("time");
        assertThat(reply.json().get("skips").toString()).contains("host-process");
    }

    @Test
    void aMalformedLineIsA400NamingItsLineAndStoresNothing() {
        String good = SensorRecords.ndjson(SensorRecords.movedTo(SensorRecords.fixture("tetragon/pod-events.jsonl"), Instant.now()));
        String key = Events.newId("broken");
        byte[] body = (good + "{\"process_exec\": [}\n" + good).getBytes(StandardCharsets.UTF_8);

        Api.Reply reply = api().send("POST", TETRAGON, NDJSON, body, "Idempotency-Key", key);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("type").stringValue()).endsWith("/invalid-request");
        assertThat(reply.json().get("detail").stringValue()).contains("Record 18", "line 19, column 19").contains("nothing was stored");
        assertThat(stored("tetragon:" + key)).isZero();

        Api.Reply notAnObject = api().send("POST", TETRAGON, NDJSON, "{}\n42\n".getBytes(StandardCharsets.UTF_8));
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(notAnObject.json().get("detail").stringValue()).contains("Record 1", "must be a JSON object");
        assertThat(api().send("POST", TETRAGON, NDJSON, "  \n".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
    }

    @Test
    void malformedUtf8InAnNdjsonBodyIsA400AndStoresNothing() {
        String line = SensorRecords.ndjson(SensorRecords.movedTo(SensorRecords.fixture("tetragon/pod-events.jsonl"), Instant.now())
                .subList(0, 1)).replace("/docker-entrypoint.sh", "/bin/OVERLONGsh");
        int mark = line.indexOf("OVERLONG");
        byte[] prefix = line.substring(0, mark).getBytes(StandardCharsets.UTF_8);
        byte[] suffix = line.substring(mark + "OVERLONG".length()).getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + 2 + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xC0; // an overlong '/': /bin/\xc0\xafsh must not read as /bin//sh
        body[prefix.length + 1] = (byte) 0xAF;
        System.arraycopy(suffix, 0, body, prefix.length + 2, suffix.length);
        String key = Events.newId("utf8");

        Api.Reply reply = api().send("POST", TETRAGON, NDJSON, Api.gzip(body), "Content-Encoding", "gzip", "Idempotency-Key", key);

        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(400);
        assertThat(reply.json().get("detail").stringValue()).contains("UTF-8");
        assertThat(stored("tetragon:" + key)).isZero();
    }

    @Test
    void tooManyRecordsOrTooLargeABodyIs413OtherMethodsAre405AndOtherMediaTypes415() {
        byte[] manyRecords = "{}\n".repeat(10_001).getBytes(StandardCharsets.UTF_8);
        Api.Reply many = api().send("POST", TETRAGON, NDJSON, manyRecords);
        assertThat(many.status()).isEqualTo(413);
        assertThat(many.json().get("detail").stringValue()).contains("more than 10000 records");

        byte[] huge = new byte[8 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        assertThat(api().send("POST", FALCO, NDJSON, huge).status()).isEqualTo(413);
        assertThat(api().send("POST", FALCO, NDJSON, Api.gzip(huge), "Content-Encoding", "gzip").status())
                .as("limit applies after decoding").isEqualTo(413);

        Api.Reply get = api().get(TETRAGON);
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.contentType()).startsWith("application/problem+json");

        Api.Reply text = api().send("POST", TETRAGON, "text/plain", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aBadIdempotencyKeyIsA400() {
        Api.Reply reply = api().send("POST", TETRAGON, NDJSON, "{}".getBytes(StandardCharsets.UTF_8),
                "Idempotency-Key", "x".repeat(129));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("field").stringValue()).isEqualTo("Idempotency-Key");
    }

    @Test
    void agentsAndAdminsMaySendAnalystsMayNot() {
        String analyst = token("ANALYST");
        String agent = token("AGENT");
        byte[] body = ndjson(SensorRecords.fixture("tetragon/pod-events.jsonl").subList(13, 14));

        assertThat(api(null).send("POST", TETRAGON, NDJSON, body).status()).isEqualTo(401);
        assertThat(api(analyst).send("POST", FALCO, NDJSON, body).status()).isEqualTo(403);
        assertThat(api(agent).send("POST", TETRAGON, NDJSON, body).status()).isEqualTo(200);
    }

    @Test
    void prometheusCountsRecordsBySensorAndResult() {
        api().send("POST", TETRAGON, NDJSON, ndjson(SensorRecords.fixture("tetragon/pod-events.jsonl").subList(13, 18)));

        String metrics = api(null).get("/actuator/prometheus").raw().body();

        assertThat(metrics.lines().filter(l -> l.startsWith("habitus_sensor_records_total{")))
                .anyMatch(l -> l.contains("result=\"host-process\",sensor=\"tetragon\""))
                .anyMatch(l -> l.contains("result=\"unsupported-function\",sensor=\"tetragon\""));
    }

    private String token(String role) {
        return api().post("/api/v1/tokens", Api.json(Map.of("name", Events.newId(role), "role", role)))
                .json().get("secret").stringValue();
    }

    private long stored(String batchId) {
        return jdbc.sql("select count(*) from ingest_event where batch_id = ?").param(batchId).query(Long.class).single();
    }

    private static List<Integer> counts(JsonNode reply) {
        return List.of(reply.get("received").intValue(), reply.get("accepted").intValue(), reply.get("duplicate").intValue(),
                reply.get("rejected").intValue(), reply.get("skipped").intValue());
    }

    private static byte[] ndjson(List<JsonNode> records) {
        return SensorRecords.ndjson(records).getBytes(StandardCharsets.UTF_8);
    }
}
