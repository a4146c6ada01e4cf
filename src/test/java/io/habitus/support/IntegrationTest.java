package io.habitus.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Base of the full-stack tests: the whole service on a random port against real PostgreSQL
 * ({@link TestDatabase}), called over HTTP the way agents and people call it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"habitus.security.admin-token=" + IntegrationTest.ADMIN_TOKEN, "habitus.learning.check-interval=250ms",
            "habitus.model.poll-interval=250ms"})
public abstract class IntegrationTest {

    public static final String ADMIN_TOKEN = "test-admin-token";

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    protected Api api() {
        return new Api(port, ADMIN_TOKEN);
    }

    protected Api api(String token) {
        return new Api(port, token);
    }

    /** A new nginx image that learned from three containers and has model version 1 active. */
    protected String learnedNginxImage() throws InterruptedException {
        return learnedNginxImage(3, 60, 900);
    }

    /**
     * A new nginx image that learned from these many containers of so many rounds each, started so many
     * seconds apart, and has model version 1 active.
     */
    protected String learnedNginxImage(int containers, int rounds, long secondsApart) throws InterruptedException {
        String digest = Events.newDigest();
        Instant start = Instant.now().minusSeconds(5000 + containers * secondsApart);
        List<Map<String, Object>> learning = new ArrayList<>();
        for (int c = 0; c < containers; c++) {
            learning.addAll(NginxTraffic.rounds(digest, Events.newId("web"), start.plusSeconds(c * secondsApart), rounds));
        }
        Api.Reply ingested = api().post("/api/v1/events", Api.json(Events.batch(Events.newId("learn"), learning)));
        assertThat(ingested.status()).as(ingested.raw().body()).isEqualTo(200);
        api().post("/api/v1/images/" + digest + "/learning", Api.json(Map.of("action", "FINISH")));
        awaitActiveModel(digest, 1);
        return digest;
    }

    /** Waits (up to 40 s) until the image's model version is trained and active; returns it. */
    protected JsonNode awaitActiveModel(String digest, int version) throws InterruptedException {
        for (int i = 0; i < 160; i++) {
            Api.Reply reply = api().get("/api/v1/images/" + digest + "/models/" + version);
            if (reply.status() == 200 && reply.json().get("active").booleanValue()) {
                return reply.json();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("model version " + version + " of " + digest + " did not become active; jobs: "
                + api().get("/api/v1/images/" + digest + "/models/jobs").raw().body());
    }
}
