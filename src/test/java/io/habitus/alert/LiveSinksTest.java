package io.habitus.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.support.AlertReceiver;
import io.habitus.support.Api;
import io.habitus.support.Events;
import io.habitus.support.IntegrationTest;
import io.habitus.support.NginxTraffic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * One application context for the alert tests that need incidents out of their dry run and a sink
 * that keeps trying: both sinks point at one receiver in this JVM.
 */
abstract class LiveSinksTest extends IntegrationTest {

    static final AlertReceiver RECEIVER = AlertReceiver.start();

    @DynamicPropertySource
    static void sinks(DynamicPropertyRegistry registry) {
        registry.add("habitus.incident.dry-run", () -> "0s");
        registry.add("habitus.alerts.poll-interval", () -> "100ms");
        registry.add("habitus.alerts.metrics-interval", () -> "200ms");
        registry.add("habitus.alerts.sinks[0].name", () -> "live-hook");
        registry.add("habitus.alerts.sinks[0].type", () -> "WEBHOOK");
        registry.add("habitus.alerts.sinks[0].url", () -> RECEIVER.url("/live"));
        registry.add("habitus.alerts.sinks[1].name", () -> "soak");
        registry.add("habitus.alerts.sinks[1].type", () -> "WEBHOOK");
        registry.add("habitus.alerts.sinks[1].url", () -> RECEIVER.url("/soak"));
        registry.add("habitus.alerts.sinks[1].takes", () -> "AUDITS");
        registry.add("habitus.alerts.sinks[1].max-batch-size", () -> "20");
        registry.add("habitus.alerts.sinks[1].connect-timeout", () -> "500ms");
        registry.add("habitus.alerts.sinks[1].read-timeout", () -> "2s");
        registry.add("habitus.alerts.sinks[1].initial-backoff", () -> "200ms");
        registry.add("habitus.alerts.sinks[1].max-backoff", () -> "2s");
        registry.add("habitus.alerts.sinks[1].max-attempts", () -> "100000");
        registry.add("habitus.alerts.sinks[1].max-age", () -> "1h");
    }

    /** A new image whose learning ended at once: its profile judges from now on. */
    String activeImage() {
        String digest = Events.newDigest();
        post(Events.mixed(digest, Events.newId("learn"), "node-a", 12));
        Api.Reply finished = api().post("/api/v1/images/" + digest + "/learning", Api.json(Map.of("action", "FINISH")));
        assertThat(finished.status()).as(finished.raw().body()).isEqualTo(200);
        return digest;
    }

    /** An nginx image that learned from eight containers, with its model and a READY container detector. */
    String learnedImageWithDetector() throws InterruptedException {
        String digest = Events.newDigest();
        Instant start = Instant.now().minusSeconds(20_000);
        List<Map<String, Object>> learning = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            learning.addAll(NginxTraffic.rounds(digest, Events.newId("web"), start.plusSeconds(c * 900L), 30));
        }
        post(learning);
        api().post("/api/v1/images/" + digest + "/learning", Api.json(Map.of("action", "FINISH")));
        awaitActiveModel(digest, 1);
        for (int i = 0; i < 160; i++) {
            JsonNode detectors = api().get("/api/v1/images/" + digest + "/detectors").json();
            if (!detectors.isEmpty() && "READY".equals(detectors.get(0).get("status").stringValue())) {
                return digest;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no READY detector for " + digest);
    }

    Api.Reply post(List<Map<String, Object>> events) {
        Api.Reply reply = api().post("/api/v1/events", Api.json(Events.batch(Events.newId("alerts"), events)));
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        return reply;
    }
}
