package io.habitus.behavior;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.HabitusApplication;
import io.habitus.support.Api;
import io.habitus.support.IntegrationTest;
import io.habitus.support.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

class ContainerStateTests extends IntegrationTest {

    private static final Instant T0 = Instant.now().minusSeconds(600);

    @Test
    void eventsOfABatchAdvanceTheStateInEventTimeOrder() {
        String digest = io.habitus.support.Events.newDigest();
        String container = io.habitus.support.Events.newId("c");
        List<Map<String, Object>> events = List.of(
                exec(digest, container, 2, "/usr/bin/b", 20),
                exec(digest, container, 1, "/usr/bin/a", 10),
                exit(digest, container, 1, "/usr/bin/a", 30));

        api().post("/api/v1/events", Api.json(io.habitus.support.Events.batch(io.habitus.support.Events.newId("s"), events)));

        JsonNode state = api().get("/api/v1/containers/" + container + "/state").json();
        assertThat(state.get("imageDigest").stringValue()).isEqualTo(digest);
        assertThat(state.get("processes").toString()).isEqualTo("{\"2\":\"/usr/bin/b\"}");
        assertThat(state.get("recentTokens").toString()).isEqualTo(
                "[\"exec /usr/bin/a <- /usr/sbin/nginx\",\"exec /usr/bin/b <- /usr/sbin/nginx\",\"exit /usr/bin/a\"]");
        assertThat(state.get("events").longValue()).isEqualTo(3);
    }

    @Test
    void twoInstancesOnOneDatabaseTrackTheSameState() {
        TestDatabase.Coordinates db = TestDatabase.coordinates();
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(HabitusApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + (db.password() == null ? "" : db.password()),
                "--habitus.security.admin-token=" + ADMIN_TOKEN)) {
            Api other = new Api(Integer.parseInt(second.getEnvironment().getProperty("local.server.port")), ADMIN_TOKEN);
            String digest = io.habitus.support.Events.newDigest();
            String container = io.habitus.support.Events.newId("c");
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String exe = "/usr/bin/step" + i;
                expected.add("exec " + exe + " <- /usr/sbin/nginx");
                Api target = i % 2 == 0 ? api() : other;
                Api.Reply reply = target.post("/api/v1/events", Api.json(io.habitus.support.Events.batch(
                        io.habitus.support.Events.newId("two"), List.of(exec(digest, container, 100 + i, exe, i)))));
                assertThat(reply.status()).isEqualTo(200);
            }

            JsonNode here = api().get("/api/v1/containers/" + container + "/state").json();
            JsonNode there = other.get("/api/v1/containers/" + container + "/state").json();

            assertThat(here.get("recentTokens").toString()).isEqualTo(there.get("recentTokens").toString());
            List<String> tokens = new ArrayList<>();
            here.get("recentTokens").forEach(t -> tokens.add(t.stringValue()));
            assertThat(tokens).containsExactlyElementsOf(expected);
            assertThat(here.get("processes").size()).isEqualTo(6);
            assertThat(here.get("events").longValue()).isEqualTo(6);
        }
    }

    @Test
    void anUnknownContainerHasNoState() {
        Api.Reply reply = api().get("/api/v1/containers/never-seen/state");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    private static Map<String, Object> exec(String digest, String container, long pid, String exe, int second) {
        Map<String, Object> event = io.habitus.support.Events.exec(digest, container, "node-a", exe);
        event.put("time", T0.plusSeconds(second).toString());
        ((Map<String, Object>) event.get("process")).put("pid", pid);
        return event;
    }

    private static Map<String, Object> exit(String digest, String container, long pid, String exe, int second) {
        Map<String, Object> event = exec(digest, container, pid, exe, second);
        event.put("type", "process.exit");
        return event;
    }
}
