package io.habitus.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.support.Api;
import io.habitus.support.Events;
import io.habitus.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObservabilityTests extends IntegrationTest {

    @Test
    void prometheusShowsIngestMetricsByOutcomeAndType() {
        String digest = Events.newDigest();
        Map<String, Object> bad = Events.exec(digest, "c", "node-a", "/bin/sh");
        bad.remove("time");
        api().post("/api/v1/events", Api.json(Events.batch(Events.newId("m"),
                List.of(Events.exec(digest, Events.newId("c"), "node-a", "/bin/true"), bad))));

        String metrics = api(null).get("/actuator/prometheus").raw().body();

        assertThat(metrics).containsPattern("habitus_ingest_events_total\\{[^}]*outcome=\"accepted\"[^}]*type=\"process.exec\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("habitus_ingest_events_total\\{[^}]*outcome=\"rejected\"[^}]*type=\"process.exec\"[^}]*} [1-9]");
        assertThat(metrics).contains("habitus_ingest_batch_duration_seconds_count", "habitus_images{");
    }

    @Test
    void everyAnswerCarriesARequestIdAndASaneOneIsKept() {
        assertThat(api().get("/api/v1/images").header("X-Request-Id")).hasSize(36);
        Api.Reply reply = api().send("GET", "/api/v1/images", null, new byte[0], "X-Request-Id", "agent-7-retry-2");
        assertThat(reply.header("X-Request-Id")).isEqualTo("agent-7-retry-2");
        Api.Reply insane = api().send("GET", "/api/v1/images", null, new byte[0], "X-Request-Id", "a b<script>");
        assertThat(insane.header("X-Request-Id")).isNotEqualTo("a b<script>").hasSize(36);
    }
}
