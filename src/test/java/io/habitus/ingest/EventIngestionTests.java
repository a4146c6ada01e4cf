package io.habitus.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.ingest.internal.EventHistory;
import io.habitus.support.Api;
import io.habitus.support.Events;
import io.habitus.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class EventIngestionTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventHistory history;

    @Test
    void aThousandEventBatchIsAcceptedAndItsRetryStoresNothingNew() {
        String digest = Events.newDigest();
        String batchId = Events.newId("big");
        String body = Api.json(Events.batch(batchId, Events.mixed(digest, Events.newId("c"), "node-a", 1000)));

        Api.Reply first = api().post("/api/v1/events", body);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("outcome").stringValue()).isEqualTo("STORED");
        assertThat(first.json().get("accepted").intValue()).isEqualTo(1000);
        assertThat(first.json().get("rejected").intValue()).isZero();
        assertThat(storedEvents(batchId)).isEqualTo(1000);

        Api.Reply retry = api().post("/api/v1/events", body);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("outcome").stringValue()).isEqualTo("DUPLICATE");
        assertThat(retry.json().get("accepted").intValue()).isZero();
        assertThat(retry.json().get("duplicate").intValue()).isEqualTo(1000);
        assertThat(storedEvents(batchId)).isEqualTo(1000);
        assertThat(api().get("/api/v1/images/" + digest).json().get("eventCount").longValue()).isEqualTo(1000);
    }

    @Test
    void aBadEventAmongGoodOnesIsNamedAndTheGoodOnesAreKept() {
        String digest = Events.newDigest();
        String batchId = Events.newId("mixed");
        List<Map<String, Object>> events = new ArrayList<>(Events.mixed(digest, Events.newId("c"), "node-a", 5));
        Map<String, Object> bad = Events.exec(digest, "c-bad", "node-a", "/bin/sh");
        bad.remove("container");
        events.add(2, bad);

        Api.Reply reply = api().post("/api/v1/events", Api.json(Events.batch(batchId, events)));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("accepted").intValue()).isEqualTo(5);
        assertThat(reply.json().get("rejected").intValue()).isEqualTo(1);
        JsonNode error = reply.json().get("errors").get(0);
        assertThat(error.get("index").intValue()).isEqualTo(2);
        assertThat(error.get("field").stringValue()).isEqualTo("container");
        assertThat(error.get("reason").stringValue()).isEqualTo("must not be null");
        assertThat(storedEvents(batchId)).isEqualTo(5);
    }

    @Test
    void eachKindOfInvalidEventIsReportedByIndexFieldAndReason() {
        String digest = Events.newDigest();
        String c = Events.newId("c");
        List<Map<String, Object>> events = new ArrayList<>();
        events.add(Events.exec(digest, c, "node-a", "/usr/sbin/nginx"));                      // 0 valid
        Map<String, Object> missingDigest = Events.exec(digest, c, "node-a", "/bin/true");    // 1
        ((Map<String, Object>) missingDigest.get("container")).remove("imageDigest");
        events.add(missingDigest);
        Map<String, Object> wrongType = Events.exec(digest, c, "node-a", "/bin/true");        // 2
        ((Map<String, Object>) wrongType.get("process")).put("pid", "forty-two");
        events.add(wrongType);
        Map<String, Object> fileWithoutFile = Events.exec(digest, c, "node-a", "/bin/true");  // 3
        fileWithoutFile.put("type", "file.write");
        events.add(fileWithoutFile);
        Map<String, Object> unknownType = Events.exec(digest, c, "node-a", "/bin/true");      // 4
        unknownType.put("type", "process.fork");
        events.add(unknownType);
        Map<String, Object> badPort = Events.connect(digest, c, "node-a", 70000);             // 5
        events.add(badPort);
        Map<String, Object> future = Events.exec(digest, c, "node-a", "/bin/true");           // 6
        future.put("time", Instant.now().plusSeconds(86_400).toString());
        events.add(future);
        Map<String, Object> unnamedSyscall = Events.syscall(digest, c, "node-a", "x");         // 7
        unnamedSyscall.put("syscall", Map.of());
        events.add(unnamedSyscall);
        Map<String, Object> longPath = Events.fileRead(digest, c, "node-a", "/x/" + "a".repeat(5000)); // 8
        events.add(longPath);
        Map<String, Object> nul = Events.exec(digest, c, "node-a", "/bin/\u0000sh");            // 9
        events.add(nul);
        Map<String, Object> numberedSyscall = Events.syscall(digest, c, "node-a", "x");        // 10 valid
        numberedSyscall.put("syscall", Map.of("nr", 101));
        events.add(numberedSyscall);

        Api.Reply reply = api().post("/api/v1/events", Api.json(Events.batch(Events.newId("kinds"), events)));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("accepted").intValue()).isEqualTo(2);
        assertThat(reply.json().get("rejected").intValue()).isEqualTo(9);
        List<String> errors = new ArrayList<>();
        reply.json().get("errors").forEach(e -> errors.add(e.get("index").intValue() + " " + e.get("field").stringValue()));
        assertThat(errors).containsExactly(
                "1 container.imageDigest", "2 process.pid", "3 file", "4 type", "5 network.port", "6 time",
                "7 syscall", "8 file.path", "9 process.exe");
    }

    @Test
    void aGzipEncodedBatchIsDecoded() {
        String batchId = Events.newId("gzip");
        String body = Api.json(Events.batch(batchId, Events.mixed(Events.newDigest(), Events.newId("c"), "node-a", 50)));

        Api.Reply reply = api().postGzip("/api/v1/events", body);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("accepted").intValue()).isEqualTo(50);
        assertThat(storedEvents(batchId)).isEqualTo(50);
    }

    @Test
    void twoRacingDeliveriesOfOneBatchStoreItOnce() throws Exception {
        String batchId = Events.newId("race");
        String body = Api.json(Events.batch(batchId, Events.mixed(Events.newDigest(), Events.newId("c"), "node-a", 500)));
        List<Callable<Api.Reply>> deliveries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            deliveries.add(() -> api().post("/api/v1/events", body));
        }
        List<String> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (Future<Api.Reply> reply : pool.invokeAll(deliveries)) {
                assertThat(reply.get().status()).isEqualTo(200);
                outcomes.add(reply.get().json().get("outcome").stringValue());
            }
        }
        assertThat(outcomes).containsOnlyOnce("STORED");
        assertThat(outcomes).filteredOn("DUPLICATE"::equals).hasSize(5);
        assertThat(storedEvents(batchId)).isEqualTo(500);
    }

    @Test
    void aBatchWithoutAnyValidEventIsRefusedAndItsIdStaysFree() {
        String digest = Events.newDigest();
        String batchId = Events.newId("none");
        String container = Events.newId("c");
        Map<String, Object> bad = Events.exec(digest, container, "node-a", "/bin/sh");
        bad.remove("time");

        Api.Reply refused = api().post("/api/v1/events", Api.json(Events.batch(batchId, List.of(bad))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").stringValue()).endsWith("/invalid-events");
        assertThat(refused.json().get("errors").get(0).get("field").stringValue()).isEqualTo("time");
        assertThat(api().get("/api/v1/images/" + digest).status()).isEqualTo(404);

        Api.Reply fixed = api().post("/api/v1/events",
                Api.json(Events.batch(batchId, List.of(Events.exec(digest, container, "node-a", "/bin/sh")))));
        assertThat(fixed.json().get("outcome").stringValue()).isEqualTo("STORED");
    }

    @Test
    void aContainerCannotChangeItsImage() {
        String container = Events.newId("c");
        String first = Events.newDigest();
        String second = Events.newDigest();
        api().post("/api/v1/events", Api.json(Events.batch(Events.newId("own"),
                List.of(Events.exec(first, container, "node-a", "/bin/sh")))));

        Api.Reply reply = api().post("/api/v1/events", Api.json(Events.batch(Events.newId("own"), List.of(
                Events.exec(second, container, "node-a", "/bin/sh"),
                Events.exec(second, Events.newId("c"), "node-a", "/bin/sh")))));

        assertThat(reply.json().get("accepted").intValue()).isEqualTo(1);
        assertThat(reply.json().get("errors").get(0).get("field").stringValue()).isEqualTo("container.imageDigest");
        assertThat(reply.json().get("errors").get(0).get("reason").stringValue()).contains(first);
    }

    @Test
    void agentSequenceAndDroppedCountsAreRecorded() {
        String batchId = Events.newId("agent");
        Map<String, Object> batch = Events.batch(batchId, Events.mixed(Events.newDigest(), Events.newId("c"), "node-b", 3));
        batch.put("agent", Map.of("id", "node-b", "version", "2.0.0", "sequence", 4711, "dropped", 12));

        assertThat(api().post("/api/v1/events", Api.json(batch)).status()).isEqualTo(200);

        Map<String, Object> row = jdbc.sql("select agent_id, agent_version, agent_sequence, agent_dropped from ingest_batch where batch_id = ?")
                .param(batchId).query().singleRow();
        assertThat(row).containsEntry("agent_id", "node-b").containsEntry("agent_version", "2.0.0")
                .containsEntry("agent_sequence", 4711L).containsEntry("agent_dropped", 12L);
    }

    @Test
    void storedEventsCanBeReadBackPerContainerAndTimeRange() {
        String digest = Events.newDigest();
        String container = Events.newId("c");
        List<Map<String, Object>> events = new ArrayList<>();
        Instant base = Instant.now().minusSeconds(3600);
        for (int i = 0; i < 10; i++) {
            Map<String, Object> event = Events.exec(digest, container, "node-a", "/bin/step" + i);
            event.put("time", base.plusSeconds(60L * i).toString());
            events.add(event);
        }
        api().post("/api/v1/events", Api.json(Events.batch(Events.newId("history"), events)));

        var read = history.of(container, base.plusSeconds(120), base.plusSeconds(300), 100);

        assertThat(read).extracting(e -> e.raw().get("process").get("exe").stringValue())
                .containsExactly("/bin/step2", "/bin/step3", "/bin/step4");
        assertThat(read.getFirst().type()).isEqualTo("process.exec");
    }

    /** A body without a backslash skips the per-character checks and escapes: its strings cannot need them. */
    @Test
    void stringsAreStoredAsSentWhetherTheBodyHasEscapesOrNot() {
        String digest = Events.newDigest();
        Map<String, String> exes = Map.of(Events.newId("plain"), "/opt/app/bin/plain-ü-漢字-😀",
                Events.newId("escaped"), "/opt/\"quoted\"\\dir\tx/é-😀");
        exes.forEach((container, exe) -> {
            String body = Api.json(Events.batch(Events.newId("strings"), List.of(Events.exec(digest, container, "node-a", exe))));
            assertThat(body.indexOf('\\') >= 0).isEqualTo(container.startsWith("escaped"));
            assertThat(api().post("/api/v1/events", body).status()).isEqualTo(200);
        });

        exes.forEach((container, exe) -> assertThat(history.of(container, Instant.EPOCH, Instant.now().plusSeconds(600), 10))
                .extracting(e -> e.raw().get("process").get("exe").stringValue()).containsExactly(exe));
        Map<String, Object> nul = Events.exec(digest, Events.newId("nul"), "node-a", "/bin/\u0000sh");
        Api.Reply refused = api().post("/api/v1/events", Api.json(Events.batch(Events.newId("nul"), List.of(nul))));
        assertThat(refused.status()).isEqualTo(400);
        // What the shortcut relies on: a control character reaches a string only through an escape; raw, the body is refused.
        String container = Events.newId("raw-tab");
        String rawTab = Api.json(Events.batch(Events.newId("raw-tab"), List.of(Events.exec(digest, container, "node-a", "/bin/TABsh"))))
                .replace("TAB", "\t");
        assertThat(rawTab).doesNotContain("\\");
        assertThat(api().post("/api/v1/events", rawTab).status()).isEqualTo(400);
        assertThat(history.of(container, Instant.EPOCH, Instant.now().plusSeconds(600), 10)).isEmpty();
    }

    @Test
    void theImageRegistersAsLearningWithItsContainersNodesAndNames() {
        String digest = Events.newDigest();
        String a = Events.newId("c");
        String b = Events.newId("c");
        List<Map<String, Object>> events = new ArrayList<>(Events.mixed(digest, a, "node-a", 8));
        events.addAll(Events.mixed(digest, b, "node-b", 4));

        api().post("/api/v1/events", Api.json(Events.batch(Events.newId("reg"), events)));

        JsonNode image = api().get("/api/v1/images/" + digest).json();
        assertThat(image.get("status").stringValue()).isEqualTo("LEARNING");
        assertThat(image.get("containerCount").intValue()).isEqualTo(2);
        assertThat(image.get("nodes").toString()).isEqualTo("[\"node-a\",\"node-b\"]");
        assertThat(image.get("names").toString()).isEqualTo("[\"nginx:1.27\"]");
        assertThat(image.get("eventCount").intValue()).isEqualTo(12);
        assertThat(image.get("eventCounts").get("process.exec").intValue()).isEqualTo(3);
        assertThat(image.get("containers")).hasSize(2);

        JsonNode learning = api().get("/api/v1/images?status=LEARNING&size=500").json();
        List<String> digests = new ArrayList<>();
        learning.get("items").forEach(i -> digests.add(i.get("digest").stringValue()));
        assertThat(digests).contains(digest);
        assertThat(api().get("/api/v1/images?status=ACTIVE&size=500").json().get("items").toString()).doesNotContain(digest);
    }

    @Test
    void bodiesOverTheLimitAreRefusedWith413() {
        byte[] fifty = new byte[50 * 1024 * 1024];
        java.util.Arrays.fill(fifty, (byte) ' ');
        Api.Reply plain = api().send("POST", "/api/v1/events", "application/json", fifty);
        assertThat(plain.status()).isEqualTo(413);
        assertThat(plain.contentType()).startsWith("application/problem+json");

        // a small gzip body that inflates past the limit (a "zip bomb") is refused as well
        byte[] bomb = Api.gzip(fifty);
        assertThat(bomb.length).isLessThan(1024 * 1024);
        Api.Reply inflated = api().send("POST", "/api/v1/events", "application/json", bomb, "Content-Encoding", "gzip");
        assertThat(inflated.status()).isEqualTo(413);
        assertThat(inflated.json().get("type").stringValue()).endsWith("/payload-too-large");
    }

    @Test
    void tooManyEventsInOneBatchGive413() {
        String body = Api.json(Events.batch(Events.newId("many"),
                Events.mixed(Events.newDigest(), Events.newId("c"), "node-a", 10_001)));
        Api.Reply reply = api().post("/api/v1/events", body);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().get("detail").stringValue()).contains("10001");
    }

    @Test
    void malformedBodiesGive400Problems() {
        for (String body : List.of("{\"batchId\":", "[]", "\"x\"", "{\"batchId\":\"b\",\"agent\":{\"id\":\"a\"},\"events\":\"q\"}",
                "{\"batchId\":\"b\",\"agent\":{\"id\":\"a\"},\"events\":[]}", "{\"agent\":{\"id\":\"a\"},\"events\":[{}]}",
                "{\"batchId\":\"b\",\"events\":[{}]}", "{\"batchId\":\"has space\",\"agent\":{\"id\":\"a\"},\"events\":[{}]}")) {
            Api.Reply reply = api().post("/api/v1/events", body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.contentType()).as(body).startsWith("application/problem+json");
            assertThat(reply.json().get("type").stringValue()).as(body).endsWith("/invalid-request");
        }
        Api.Reply broken = api().send("POST", "/api/v1/events", "application/json",
                "not gzip at all".getBytes(StandardCharsets.UTF_8), "Content-Encoding", "gzip");
        assertThat(broken.status()).isEqualTo(400);
    }

    @Test
    void anUnknownContentEncodingGives415() {
        Api.Reply reply = api().send("POST", "/api/v1/events", "application/json", "{}".getBytes(StandardCharsets.UTF_8),
                "Content-Encoding", "br");
        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    private long storedEvents(String batchId) {
        return jdbc.sql("select count(*) from ingest_event where batch_id = ?").param(batchId).query(Long.class).single();
    }
}
