package io.habitus.audit;

import static io.habitus.support.NginxTraffic.NGINX;
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
import tools.jackson.databind.JsonNode;

/**
 * "This was fine" reaches the model too: an allowed audit's transition joins the training sample
 * and a new model is trained, so the event is not flagged again by the model once the profile
 * allows it.
 */
class AllowedAuditsTrainTheModelTests extends IntegrationTest {

    @Test
    void anAllowedViolationBecomesARuleAndTrainingDataForTheNextModel() throws InterruptedException {
        String digest = learnedNginxImage();

        String container = Events.newId("web");
        Instant t = Instant.now().minusSeconds(600);
        List<Map<String, Object>> events = new ArrayList<>(NginxTraffic.rounds(digest, container, t, 2));
        events.add(NginxTraffic.network(digest, container, "network.accept", 80, t.plusSeconds(30)));
        events.add(NginxTraffic.exec(digest, container, "/usr/bin/curl", NGINX, 66, t.plusSeconds(31)));
        JsonNode curl = last(api().post("/api/v1/score?commit=true", Api.json(Map.of("events", events))));
        assertThat(curl.get("verdict").stringValue()).as(curl.toString()).isEqualTo("VIOLATION");

        JsonNode audit = api().get("/api/v1/audits?image=" + digest + "&verdict=VIOLATION").json().get("items").get(0);
        assertThat(audit.get("transition").get("event").stringValue()).isEqualTo("exec /usr/bin/curl <- /usr/sbin/nginx");
        assertThat(audit.get("transition").get("before").get("recentTokens").toString()).contains("accept tcp/80");
        Api.Reply allowed = api().post("/api/v1/audits/" + audit.get("id").longValue() + "/allow",
                Api.json(Map.of("reason", "the health check calls curl")));
        assertThat(allowed.status()).as(allowed.raw().body()).isEqualTo(200);

        awaitActiveModel(digest, 2);
        // The same moment again: the same earlier events replayed, so that the container state and the acting
        // process (curl, its parent's last tokens inherited) are those of the allowed audit.
        JsonNode again = last(api().post("/api/v1/score", Api.json(Map.of("events", List.of(events.getLast()),
                "priorEvents", events.subList(0, events.size() - 1)))));
        assertThat(again.get("transition")).isEqualTo(curl.get("transition"));
        assertThat(again.get("model").get("version").intValue()).isEqualTo(2);
        assertThat(again.get("verdict").stringValue()).as(again.toString()).isEqualTo("NORMAL");
        assertThat(again.get("profile").get("version").intValue()).as("the rule's new profile version").isEqualTo(2);
        JsonNode model = api().get("/api/v1/images/" + digest + "/models/2").json();
        assertThat(model.get("sampleDistinct").intValue())
                .isEqualTo(api().get("/api/v1/images/" + digest + "/models/1").json().get("sampleDistinct").intValue() + 1);
    }

    private static JsonNode last(Api.Reply reply) {
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        JsonNode results = reply.json().get("results");
        return results.get(results.size() - 1);
    }
}
