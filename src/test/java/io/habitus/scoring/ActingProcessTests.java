package io.habitus.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.support.Api;
import io.habitus.support.Events;
import io.habitus.support.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The point of encoding version 3: who acted. A forked web server reads its TLS key in the master at
 * start; its workers (the same binary, forked by the master) only accept requests and read pages. A
 * worker reading the key is inside the allowlist (the binary, the file and the moment's container
 * context all occur in normal life) and ANOMALOUS only because of the process that does it.
 */
class ActingProcessTests extends IntegrationTest {

    static final String HTTPD = "/usr/local/apache2/bin/httpd";
    static final String KEY = "/usr/local/apache2/conf/server.key";
    private static final String[] PAGES = {"index.html", "about.html", "faq.html"};

    private String digest;

    @BeforeEach
    void learnAForkingWebServer() throws InterruptedException {
        digest = Events.newDigest();
        Instant start = Instant.now().minusSeconds(6000);
        List<Map<String, Object>> learning = new ArrayList<>();
        for (int c = 0; c < 15; c++) {
            learning.addAll(life(Events.newId("httpd"), start.plusSeconds(c * 300L), 20));
        }
        Api.Reply ingested = api().post("/api/v1/events", Api.json(Events.batch(Events.newId("learn"), learning)));
        assertThat(ingested.status()).as(ingested.raw().body()).isEqualTo(200);
        api().post("/api/v1/images/" + digest + "/learning", Api.json(Map.of("action", "FINISH")));
        JsonNode model = awaitActiveModel(digest, 1);
        assertThat(model.get("featureSpec").get("version").intValue()).isEqualTo(3);
    }

    @Test
    void theKeyReadByTheMasterAtStartIsNormalAndTheSameReadByAWorkerInTheSameMomentIsAnomalous() {
        String container = Events.newId("httpd");
        Instant t = Instant.now().minusSeconds(200);
        List<Map<String, Object>> start = start(container, t);
        Map<String, Object> masterReadsKey = start.get(3);
        api().post("/api/v1/score?commit=true", Api.json(Map.of("events", start.subList(0, 3))));
        JsonNode tracked = api().get("/api/v1/containers/" + container + "/state").json();
        List<String> recent = new ArrayList<>();
        tracked.get("recentTokens").forEach(token -> recent.add(token.stringValue()));
        // The same container state; only the process differs: the master (pid 1, its own last tokens) or a worker
        // (pid 11, forked by the master) that has just accepted a request and served a page.
        Map<String, Object> master = Map.of("pid", 1, "executable", HTTPD,
                "recentTokens", List.of("exec " + HTTPD + " <- ?", "read /usr/local/apache2/conf/httpd.conf"));
        Map<String, Object> worker = Map.of("pid", 11, "executable", HTTPD, "parent", HTTPD,
                "recentTokens", List.of("accept tcp/80", "read /usr/local/apache2/htdocs/index.html"));
        Map<String, Object> priorState = Map.of("processes", List.of(HTTPD), "recentTokens", recent,
                "pids", List.of(master, worker));
        Map<String, Object> workerReadsKey = event(container, "file.read", 11, 1, HTTPD, t.plusSeconds(5));
        workerReadsKey.put("file", Map.of("path", KEY));

        JsonNode byMaster = result(Map.of("events", List.of(masterReadsKey), "priorState", priorState));
        JsonNode byWorker = result(Map.of("events", List.of(workerReadsKey), "priorState", priorState));

        assertThat(byMaster.get("verdict").stringValue()).as(byMaster.toString()).isEqualTo("NORMAL");
        assertThat(byWorker.get("verdict").stringValue()).as(byWorker.toString()).isEqualTo("ANOMALOUS");
        assertThat(byWorker.get("violations")).as("inside the allowlist").isEmpty();
        assertThat(byWorker.get("transition").get("before")).isEqualTo(byMaster.get("transition").get("before"));
        assertThat(byWorker.get("transition").get("actor").get("process").stringValue()).isEqualTo(HTTPD + " <- " + HTTPD);
        assertThat(byMaster.get("transition").get("actor").get("process").stringValue()).isEqualTo(HTTPD + " <- ?");
        assertThat(byWorker.get("explanation").stringValue())
                .contains("by " + HTTPD + " <- " + HTTPD + " right after its own [accept tcp/80");
    }

    @Test
    void anAgentIsToldTheWorkersReadIsAnomalousButNotWhatTheContainerWasDoing() {
        String agent = api().post("/api/v1/tokens", Api.json(Map.of("name", "httpd-agents", "role", "AGENT")))
                .json().get("secret").stringValue();
        String container = Events.newId("httpd");
        Instant t = Instant.now().minusSeconds(200);
        List<Map<String, Object>> events = life(container, t, 6);
        Map<String, Object> read = event(container, "file.read", 11, 1, HTTPD, t.plusSeconds(100));
        read.put("file", Map.of("path", KEY));
        events.add(read);

        JsonNode results = api(agent).post("/api/v1/score?commit=true", Api.json(Map.of("events", events))).json()
                .get("results");
        JsonNode last = results.get(results.size() - 1);

        assertThat(last.get("verdict").stringValue()).as(last.toString()).isEqualTo("ANOMALOUS");
        assertThat(last.get("score").isNumber()).isTrue();
        assertThat(last.get("explanation").stringValue()).contains("read " + KEY, "below its threshold")
                .doesNotContain("right after", "htdocs", "accept tcp/80", "with processes");
        assertThat(last.get("transition").get("before").isNull()).isTrue();
        assertThat(last.get("transition").get("actor").isNull()).isTrue();
        JsonNode audit = api().get("/api/v1/audits?image=" + digest + "&container=" + container + "&verdict=ANOMALOUS")
                .json().get("items").get(0);
        assertThat(audit.get("reason").stringValue()).as("people still read the whole story").contains("right after");
    }

    @Test
    void aWorkerReadingTheKeyMidRequestIsAuditedWithTheActingProcess() {
        String container = Events.newId("httpd");
        Instant t = Instant.now().minusSeconds(200);
        List<Map<String, Object>> events = life(container, t, 6);
        Map<String, Object> read = event(container, "file.read", 11, 1, HTTPD, t.plusSeconds(100));
        read.put("file", Map.of("path", KEY));
        events.add(read);

        JsonNode results = api().post("/api/v1/score?commit=true", Api.json(Map.of("events", events))).json().get("results");
        JsonNode last = results.get(results.size() - 1);

        assertThat(last.get("verdict").stringValue()).as(last.toString()).isEqualTo("ANOMALOUS");
        JsonNode audits = api().get("/api/v1/audits?image=" + digest + "&container=" + container + "&verdict=ANOMALOUS")
                .json().get("items");
        JsonNode audit = audits.get(0);
        assertThat(audit.get("ruleValue").stringValue()).isEqualTo("read " + KEY);
        assertThat(audit.get("transition").get("actor").get("process").stringValue()).isEqualTo(HTTPD + " <- " + HTTPD);
        JsonNode state = api().get("/api/v1/containers/" + container + "/state").json();
        assertThat(state.get("processHistories").get("11").get("parent").stringValue()).isEqualTo(HTTPD);
        assertThat(state.get("processHistories").get("11").get("recentTokens").get(1).stringValue())
                .isEqualTo("read " + KEY);
    }

    /** A container's start, then {@code rounds} requests served by three forked workers in turn. */
    private List<Map<String, Object>> life(String container, Instant t, int rounds) {
        List<Map<String, Object>> events = start(container, t);
        Instant at = t.plusSeconds(10);
        for (int round = 0; round < rounds; round++) {
            int worker = 10 + round % 3;
            events.add(network(container, "network.accept", worker, 80, at = at.plusMillis(700)));
            Map<String, Object> page = event(container, "file.read", worker, 1, HTTPD, at = at.plusMillis(20));
            page.put("file", Map.of("path", "/usr/local/apache2/htdocs/" + PAGES[(round / 3) % PAGES.length]));
            events.add(page);
            if (round % 4 == 3) {
                events.add(network(container, "network.connect", worker, 8000, at = at.plusMillis(20)));
            }
        }
        return events;
    }

    /** The entrypoint shell execs httpd in place; the master reads its configuration and key and listens. */
    private List<Map<String, Object>> start(String container, Instant t) {
        List<Map<String, Object>> events = new ArrayList<>();
        events.add(event(container, "process.exec", 1, 0, "/bin/sh", t));
        events.add(event(container, "process.exec", 1, 0, HTTPD, t.plusMillis(10)));
        Map<String, Object> config = event(container, "file.read", 1, 0, HTTPD, t.plusMillis(20));
        config.put("file", Map.of("path", "/usr/local/apache2/conf/httpd.conf"));
        events.add(config);
        Map<String, Object> key = event(container, "file.read", 1, 0, HTTPD, t.plusMillis(30));
        key.put("file", Map.of("path", KEY));
        events.add(key);
        Map<String, Object> listen = event(container, "network.listen", 1, 0, HTTPD, t.plusMillis(40));
        listen.put("network", Map.of("protocol", "tcp", "port", 80, "address", "0.0.0.0"));
        events.add(listen);
        return events;
    }

    private Map<String, Object> network(String container, String type, int pid, int port, Instant t) {
        Map<String, Object> event = event(container, type, pid, 1, HTTPD, t);
        event.put("network", Map.of("protocol", "tcp", "port", port, "address", "10.244.1.7"));
        return event;
    }

    /** An event of pid (child of ppid); a process whose ppid is 0 was started by the runtime (no parentExe). */
    private Map<String, Object> event(String container, String type, int pid, int ppid, String exe, Instant t) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("time", t.toString());
        event.put("type", type);
        event.put("container", Map.of("id", container, "image", "httpd:2.4.62", "imageDigest", digest, "node", "node-a"));
        Map<String, Object> process = new LinkedHashMap<>();
        process.put("pid", pid);
        process.put("ppid", ppid);
        process.put("exe", exe);
        if (ppid != 0) {
            process.put("parentExe", HTTPD);
        }
        event.put("process", process);
        return event;
    }

    private JsonNode result(Map<String, Object> request) {
        Api.Reply reply = api().post("/api/v1/score", Api.json(request));
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        return reply.json().get("results").get(0);
    }
}
