package io.habitus.scoring;

import static io.habitus.support.NginxTraffic.NGINX;
import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.support.Api;
import io.habitus.support.Events;
import io.habitus.support.IntegrationTest;
import io.habitus.support.NginxTraffic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** POST /api/v1/score: verdicts with explanations, what-if without side effects, committed calls as ingest. */
class ScoringTests extends IntegrationTest {

    /** One learned nginx image with an active model, shared by the tests (they never change its profile). */
    private static String digest;

    @BeforeEach
    void learnedImage() throws InterruptedException {
        if (digest != null) {
            return;
        }
        digest = learnedNginxImage();
    }

    @Test
    void whatIfExplainsEachVerdictAndChangesNothing() {
        String container = Events.newId("web");
        Instant t = Instant.now().minusSeconds(200);
        List<Map<String, Object>> events = new ArrayList<>(NginxTraffic.rounds(digest, container, t, 2));
        events.add(NginxTraffic.exec(digest, container, "/usr/bin/curl", NGINX, 77, t.plusSeconds(30)));
        long auditsBefore = audits();

        Api.Reply reply = score(false, Map.of("events", events));

        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        JsonNode results = reply.json().get("results");
        assertThat(results).hasSize(events.size());
        assertThat(reply.json().get("commit").booleanValue()).isFalse();
        JsonNode first = results.get(1);
        assertThat(first.get("index").intValue()).isEqualTo(1);
        assertThat(first.get("verdict").stringValue()).isEqualTo("NORMAL");
        assertThat(first.get("token").stringValue()).isEqualTo("accept tcp/80");
        assertThat(first.get("score").doubleValue()).isGreaterThanOrEqualTo(first.get("threshold").doubleValue());
        assertThat(first.get("learned").booleanValue()).as("the learning containers made this very transition").isTrue();
        assertThat(first.get("profile").get("version").intValue()).isEqualTo(1);
        assertThat(first.get("profile").get("checksum").stringValue()).hasSize(64);
        assertThat(first.get("model").get("checksum").stringValue()).hasSize(64);
        assertThat(first.get("transition").get("before").get("processes").toString()).contains(NGINX);
        assertThat(first.get("transition").get("after").get("recentTokens").toString()).contains("accept tcp/80");
        assertThat(first.get("explanation").stringValue()).contains("allowed by profile version 1");

        JsonNode curl = results.get(events.size() - 1);
        assertThat(curl.get("verdict").stringValue()).isEqualTo("VIOLATION");
        assertThat(curl.get("violations").get(0).get("kind").stringValue()).isEqualTo("PROCESS");
        assertThat(curl.get("score").isNumber()).as("the model scores violations too").isTrue();
        assertThat(curl.get("learned").booleanValue()).isFalse();
        assertThat(curl.get("explanation").stringValue()).contains("/usr/bin/curl");

        assertThat(api().get("/api/v1/containers/" + container + "/state").status()).as("no state tracked").isEqualTo(404);
        assertThat(audits()).as("no audit written").isEqualTo(auditsBefore);
    }

    @Test
    void aWhatIfFromPriorEventsOrPriorStateAgreesWithReplayingThemCommitted() {
        Instant t = Instant.now().minusSeconds(300);
        String replayed = Events.newId("web");
        List<Map<String, Object>> prior = NginxTraffic.rounds(digest, replayed, t, 3);
        prior.add(NginxTraffic.network(digest, replayed, "network.accept", 80, t.plusSeconds(60)));
        Map<String, Object> last = NginxTraffic.exec(digest, replayed, "/bin/sh", NGINX, 88, t.plusSeconds(61));

        score(true, Map.of("events", prior));
        JsonNode tracked = api().get("/api/v1/containers/" + replayed + "/state").json();
        JsonNode committed = lastResult(score(true, Map.of("events", List.of(last))));
        JsonNode fromEvents = lastResult(score(false, Map.of("events", List.of(last), "priorEvents", prior)));
        JsonNode before = committed.get("transition").get("before");
        // The tracked state as GET shows it, live processes by pid included (the new shell's parent is pid 1).
        List<Map<String, Object>> pids = new ArrayList<>();
        tracked.get("processes").properties().forEach(p -> {
            JsonNode history = tracked.get("processHistories").get(p.getKey());
            List<String> own = new ArrayList<>();
            history.get("recentTokens").forEach(token -> own.add(token.stringValue()));
            pids.add(Map.of("pid", Long.parseLong(p.getKey()), "executable", p.getValue().stringValue(),
                    "parent", history.get("parent").stringValue(), "recentTokens", own));
        });
        JsonNode fromState = lastResult(score(false, Map.of("events", List.of(last),
                "priorState", Map.of("processes", before.get("processes"), "recentTokens", before.get("recentTokens"),
                        "pids", pids))));

        assertThat(committed.get("verdict").stringValue()).isIn("NORMAL", "ANOMALOUS");
        assertThat(committed.get("transition").get("actor").get("process").stringValue()).isEqualTo("/bin/sh <- " + NGINX);
        for (JsonNode whatIf : List.of(fromEvents, fromState)) {
            assertThat(whatIf.get("verdict").stringValue()).isEqualTo(committed.get("verdict").stringValue());
            assertThat(whatIf.get("score").doubleValue()).isEqualTo(committed.get("score").doubleValue());
            assertThat(whatIf.get("transition")).isEqualTo(committed.get("transition"));
        }
        assertThat(api().get("/api/v1/containers/" + replayed + "/state").json().get("events").longValue())
                .as("the committed calls advanced the state").isEqualTo(prior.size() + 1);
    }

    @Test
    void aCommittedCallIsAnIngestWithAuditsAndIsIdempotentByBatchId() {
        String container = Events.newId("web");
        Instant t = Instant.now().minusSeconds(100);
        List<Map<String, Object>> events = List.of(NginxTraffic.exec(digest, container, NGINX, "/sbin/init", 1, t),
                NginxTraffic.exec(digest, container, "/usr/bin/wget", NGINX, 9, t.plusSeconds(1)));
        String batchId = Events.newId("score");
        long auditsBefore = audits();

        Api.Reply first = score(true, Map.of("events", events, "batchId", batchId));
        Api.Reply retry = score(true, Map.of("events", events, "batchId", batchId));

        assertThat(first.json().get("results").get(1).get("verdict").stringValue()).isEqualTo("VIOLATION");
        assertThat(first.json().get("batchId").stringValue()).isEqualTo(batchId);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("duplicate").booleanValue()).isTrue();
        assertThat(retry.json().get("results")).isEmpty();
        assertThat(audits()).isEqualTo(auditsBefore + 1);
        assertThat(api().get("/api/v1/containers/" + container + "/state").json().get("events").longValue()).isEqualTo(2);
    }

    @Test
    void unknownImagesAnswerUnknownAndStartLearningOnlyWhenCommitted() {
        String unknown = Events.newDigest();
        Map<String, Object> event = Events.exec(unknown, Events.newId("c"), "node-a", "/app/server");

        JsonNode whatIf = score(false, Map.of("events", List.of(event))).json().get("results").get(0);
        assertThat(whatIf.get("verdict").stringValue()).isEqualTo("UNKNOWN_IMAGE");
        assertThat(api().get("/api/v1/images/" + unknown).status()).isEqualTo(404);

        JsonNode committed = score(true, Map.of("events", List.of(event))).json().get("results").get(0);
        assertThat(committed.get("verdict").stringValue()).isEqualTo("UNKNOWN_IMAGE");
        assertThat(api().get("/api/v1/images/" + unknown).json().get("status").stringValue()).isEqualTo("LEARNING");

        Map<String, Object> next = Events.exec(unknown, Events.newId("c"), "node-a", "/app/server");
        assertThat(score(false, Map.of("events", List.of(next))).json().get("results").get(0).get("verdict").stringValue())
                .isEqualTo("LEARNING");
    }

    @Test
    void anAnalystMayOnlyAskWhatIf() {
        Api.Reply created = api().post("/api/v1/tokens", Api.json(Map.of("name", "investigator", "role", "ANALYST")));
        Api analyst = api(created.json().get("secret").stringValue());
        String body = Api.json(Map.of("events", List.of(Events.exec(digest, Events.newId("c"), "node-a", NGINX))));

        assertThat(analyst.post("/api/v1/score", body).status()).isEqualTo(200);
        Api.Reply refused = analyst.post("/api/v1/score?commit=true", body);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(api(null).post("/api/v1/score", body).status()).isEqualTo(401);
    }

    @Test
    void badRequestsAreProblemsAndChangeNothing() {
        String container = Events.newId("c");
        Map<String, Object> good = Events.exec(digest, container, "node-a", NGINX);
        Map<String, Object> bad = new LinkedHashMap<>(Events.exec(digest, container, "node-a", NGINX));
        bad.remove("process");

        Api.Reply invalid = score(true, Map.of("events", List.of(good, bad)));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").get(0).get("index").intValue()).isEqualTo(1);
        assertThat(invalid.json().get("errors").get(0).get("field").stringValue()).isEqualTo("process");
        assertThat(api().get("/api/v1/containers/" + container + "/state").status()).isEqualTo(404);

        assertThat(api().post("/api/v1/score", "{\"events\": [").status()).isEqualTo(400);
        assertThat(api().post("/api/v1/score", "{\"events\": 12}").status()).isEqualTo(400);
        assertThat(api().post("/api/v1/score", "{\"events\": []}").status()).isEqualTo(400);
        assertThat(score(true, Map.of("events", List.of(good),
                "priorState", Map.of("processes", List.of(), "recentTokens", List.of()))).status()).isEqualTo(400);
        Map<String, Object> other = Events.exec(digest, Events.newId("c"), "node-a", NGINX);
        Api.Reply twoContainers = score(false, Map.of("events", List.of(good, other),
                "priorState", Map.of("processes", List.of(), "recentTokens", List.of())));
        assertThat(twoContainers.status()).isEqualTo(400);
        assertThat(twoContainers.json().get("detail").stringValue()).contains("one container");
        Api.Reply badPrior = score(false, Map.of("events", List.of(good), "priorEvents", List.of(bad)));
        assertThat(badPrior.status()).isEqualTo(400);
        assertThat(badPrior.json().get("detail").stringValue()).contains("priorEvents");
        assertThat(badPrior.json().get("errors").get(0).get("index").intValue()).isZero();
        assertThat(api().get("/api/v1/containers/" + container + "/state").status()).isEqualTo(404);
    }

    @Test
    void prometheusShowsScoringLatencyPerVerdictModelCacheLookupsAndTraining() {
        // Requests in the middle of a container's traffic, not its start: the first transitions of a fresh container
        // are rare per event and may be judged ANOMALOUS (the model's target is a share of events). Two calls: the
        // first may load the model (a cache miss), the second finds it.
        List<Map<String, Object>> traffic = NginxTraffic.rounds(digest, Events.newId("c"), Instant.now().minusSeconds(100), 4);
        for (int call = 0; call < 2; call++) {
            score(false, Map.of("priorEvents", traffic.subList(0, 10), "events", List.of(traffic.get(10))));
        }

        String metrics = api(null).get("/actuator/prometheus").raw().body();

        assertThat(metrics).containsPattern("habitus_score_requests_seconds_bucket\\{[^}]*verdict=\"NORMAL\"");
        assertThat(metrics).containsPattern("habitus_score_verdicts_total\\{[^}]*verdict=\"NORMAL\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("habitus_model_cache_total\\{[^}]*result=\"hit\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("habitus_model_training_seconds_count\\{[^}]*outcome=\"succeeded\"[^}]*} [1-9]");
    }

    private Api.Reply score(boolean commit, Map<String, Object> body) {
        return api().post("/api/v1/score?commit=" + commit, Api.json(body));
    }

    private static JsonNode lastResult(Api.Reply reply) {
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        JsonNode results = reply.json().get("results");
        return results.get(results.size() - 1);
    }

    private long audits() {
        return api().get("/api/v1/audits?image=" + digest + "&limit=500").json().get("items").size();
    }
}
