package io.habitus.model;

import static io.habitus.support.NginxTraffic.NGINX;
import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.HabitusApplication;
import io.habitus.support.Api;
import io.habitus.support.Events;
import io.habitus.support.IntegrationTest;
import io.habitus.support.NginxTraffic;
import io.habitus.support.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A model survives a restart: a service started afresh on the same database loads the stored
 * model (checksum verified) and gives bit-identical scores for identical transitions.
 */
class ModelRestartTests extends IntegrationTest {

    @Test
    void aRestartedServiceScoresIdenticallyFromTheStoredModel() throws InterruptedException {
        String digest = learnedNginxImage();

        String container = Events.newId("web");
        Instant t = Instant.now().minusSeconds(600);
        List<Map<String, Object>> events = new ArrayList<>(NginxTraffic.rounds(digest, container, t, 7));
        events.add(NginxTraffic.network(digest, container, "network.accept", 80, t.plusSeconds(60)));
        events.add(NginxTraffic.exec(digest, container, "/bin/sh", NGINX, 66, t.plusSeconds(61)));
        events.add(NginxTraffic.file(digest, container, "file.read", "/etc/logrotate.conf", t.plusSeconds(62)));
        String body = Api.json(Map.of("events", events));
        List<String> here = scores(api().post("/api/v1/score", body));

        TestDatabase.Coordinates db = TestDatabase.coordinates();
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(HabitusApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + (db.password() == null ? "" : db.password()),
                "--habitus.security.admin-token=" + ADMIN_TOKEN)) {
            Api other = new Api(Integer.parseInt(restarted.getEnvironment().getProperty("local.server.port")), ADMIN_TOKEN);
            List<String> there = scores(other.post("/api/v1/score", body));

            assertThat(here).hasSize(events.size()).doesNotContainNull();
            assertThat(there).as("scores, thresholds, verdicts and model checksums after a restart").isEqualTo(here);
        }
    }

    /** Each result as "verdict score threshold checksum", scores in full round-trip precision. */
    private static List<String> scores(Api.Reply reply) {
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        List<String> scores = new ArrayList<>();
        for (JsonNode r : reply.json().get("results")) {
            assertThat(r.get("score").isNumber()).as(r.toString()).isTrue();
            scores.add(r.get("verdict").stringValue() + " " + r.get("score").doubleValue() + " "
                    + r.get("threshold").doubleValue() + " " + r.get("model").get("checksum").stringValue());
        }
        return scores;
    }
}
