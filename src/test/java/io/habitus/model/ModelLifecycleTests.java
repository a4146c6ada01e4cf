package io.habitus.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.support.Api;
import io.habitus.support.Events;
import io.habitus.support.IntegrationTest;
import io.habitus.support.NginxTraffic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * After learning, a model is trained in the background and becomes active; a tampered model is
 * refused while the previous one keeps scoring. (Whether the model catches attacks inside the
 * allowlist is the evaluation's question, not this test's.)
 */
class ModelLifecycleTests extends IntegrationTest {

    private static final String NGINX = NginxTraffic.NGINX;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ActiveModels activeModels;

    @Test
    void aModelIsTrainedInTheBackgroundWhenLearningEndsAndBecomesActive() throws Exception {
        String digest = Events.newDigest();
        Instant start = Instant.now().minusSeconds(3000);
        List<Map<String, Object>> learning = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            learning.addAll(NginxTraffic.rounds(digest, Events.newId("web"), start.plusSeconds(c * 900L), 60));
        }
        ingest(learning);
        api().post("/api/v1/images/" + digest + "/learning", Api.json(Map.of("action", "FINISH")));

        JsonNode model = awaitActiveModel(digest, 1);
        assertThat(model.get("sha256").stringValue()).hasSize(64);
        assertThat(model.get("statistics").get("supportVectors").intValue()).isPositive();
        assertThat(model.get("windowNo").intValue()).isEqualTo(1);
        assertThat(model.get("profileVersion").intValue()).as("provenance: the profile judging beside it").isEqualTo(1);
        assertThat(model.get("codeVersion").stringValue()).isNotBlank();
        assertThat(model.get("sampleEvents").longValue()).isEqualTo(learning.size());

        String container = Events.newId("web");
        ingest(NginxTraffic.rounds(digest, container, Instant.now().minusSeconds(600), 12));
        assertThat(audits(digest, "ANOMALOUS")).as("normal traffic after learning").hasSizeLessThanOrEqualTo(1);
        assertThat(audits(digest, "VIOLATION")).isEmpty();

        Api.Reply jobs = api().get("/api/v1/images/" + digest + "/models/jobs");
        assertThat(jobs.json().get(0).get("status").stringValue()).isEqualTo("SUCCEEDED");
        assertThat(jobs.json().get(0).get("modelVersion").intValue()).isEqualTo(1);
        assertThat(jobs.json().get(0).get("requestedBy").stringValue()).isEqualTo("bootstrap-admin");
    }

    @Test
    void aTamperedModelIsRefusedAndThePreviousVersionKeepsScoring() throws Exception {
        String digest = Events.newDigest();
        Instant start = Instant.now().minusSeconds(3000);
        for (int c = 0; c < 2; c++) {
            ingest(NginxTraffic.rounds(digest, Events.newId("web"), start.plusSeconds(c * 900L), 50));
        }
        api().post("/api/v1/images/" + digest + "/learning", Api.json(Map.of("action", "FINISH")));
        awaitActiveModel(digest, 1);
        ingest(NginxTraffic.rounds(digest, Events.newId("web"), Instant.now().minusSeconds(900), 2));

        Api.Reply queued = api().post("/api/v1/images/" + digest + "/models", "");
        assertThat(queued.status()).isEqualTo(202);
        assertThat(queued.header("Location")).contains("/models/jobs/");
        awaitActiveModel(digest, 2);
        jdbc.sql("update model_version set model_text = replace(model_text, 'rho', 'rho 1') where digest = ? and version = 2")
                .param(digest).update();

        String victim = Events.newId("web");
        Instant t = Instant.now().minusSeconds(300);
        ingest(List.of(NginxTraffic.exec(digest, victim, NGINX, "/sbin/init", 1, t),
                NginxTraffic.network(digest, victim, "network.accept", 80, t.plusSeconds(1)),
                NginxTraffic.exec(digest, victim, "/bin/sh", NGINX, 99, t.plusSeconds(2))));

        assertThat(activeModels.forDigests(List.of(digest)).get(digest).version()).as("the version still scoring").isEqualTo(1);
        JsonNode health = api(null).get("/actuator/health").json();
        assertThat(health.toString()).contains("refusedModels", digest + " v2");
    }

    private void ingest(List<Map<String, Object>> events) {
        Api.Reply reply = api().post("/api/v1/events", Api.json(Events.batch(Events.newId("m"), events)));
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        assertThat(reply.json().get("rejected").intValue()).as(reply.raw().body()).isZero();
    }

    private List<JsonNode> audits(String digest, String verdict) {
        List<JsonNode> audits = new ArrayList<>();
        api().get("/api/v1/audits?image=" + digest + "&verdict=" + verdict + "&limit=500").json().get("items")
                .forEach(audits::add);
        return audits;
    }
}
