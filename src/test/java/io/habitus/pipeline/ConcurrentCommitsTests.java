package io.habitus.pipeline;

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

import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Committed score calls from many agents at once, as group commit serves them: every call is
 * answered with its own verdict after its commit, each container's events are applied one after
 * the other (its state and its evidence count every event exactly once), and retries are
 * acknowledged as duplicates and stored once.
 */
class ConcurrentCommitsTests extends IntegrationTest {

    private static final int CONTAINERS = 4;
    private static final int AGENTS_PER_CONTAINER = 4;
    private static final int EVENTS_PER_AGENT = 40;

    @Test
    void concurrentSingleEventCommitsAreEachAnsweredAndEachContainerCountsEveryEventOnce() throws Exception {
        String digest = learnedNginxImage();
        awaitContainerDetector(digest);
        List<String> containers = new ArrayList<>();
        Map<String, List<Long>> evidenceCounts = new ConcurrentHashMap<>();
        Map<String, String> sent = new ConcurrentHashMap<>();
        List<String> failures = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService agents = Executors.newFixedThreadPool(CONTAINERS * AGENTS_PER_CONTAINER)) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CONTAINERS; c++) {
                String container = Events.newId("web");
                containers.add(container);
                evidenceCounts.put(container, java.util.Collections.synchronizedList(new ArrayList<>()));
                for (int a = 0; a < AGENTS_PER_CONTAINER; a++) {
                    List<Map<String, Object>> events = NginxTraffic.rounds(digest, container,
                            Instant.now().minusSeconds(3000 - a * 600L), EVENTS_PER_AGENT).subList(0, EVENTS_PER_AGENT);
                    running.add(agents.submit(() -> {
                        start.await();
                        for (Map<String, Object> event : events) {
                            String batchId = Events.newId("group");
                            String body = Api.json(Map.of("batchId", batchId, "events", List.of(event)));
                            sent.put(batchId, body);
                            Api.Reply reply = api().post("/api/v1/score?commit=true", body);
                            if (reply.status() != 200) {
                                synchronized (failures) {
                                    failures.add(reply.status() + " " + reply.raw().body());
                                }
                                continue;
                            }
                            JsonNode answer = reply.json();
                            assertThat(answer.get("duplicate").booleanValue()).isFalse();
                            assertThat(answer.get("batchId").stringValue()).isEqualTo(batchId);
                            assertThat(answer.get("results")).hasSize(1);
                            JsonNode result = answer.get("results").get(0);
                            assertThat(result.get("containerId").stringValue()).isEqualTo(container);
                            assertThat(result.get("verdict").stringValue()).isIn("NORMAL", "ANOMALOUS", "VIOLATION");
                            evidenceCounts.get(container).add(result.get("container").get("events").longValue());
                        }
                        return null;
                    }));
                }
            }
            start.countDown();
            for (Future<?> f : running) {
                f.get();
            }
        }
        assertThat(failures).isEmpty();
        long perContainer = (long) AGENTS_PER_CONTAINER * EVENTS_PER_AGENT;
        for (String container : containers) {
            JsonNode state = api().get("/api/v1/containers/" + container + "/state").json();
            assertThat(state.get("events").longValue()).as("events applied to " + container).isEqualTo(perContainer);
            // Each event advanced the container's evidence by one, after the one before: 1, 2, …, n, each once.
            assertThat(new TreeSet<>(evidenceCounts.get(container))).hasSize((int) perContainer)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, perContainer).boxed().collect(Collectors.toList()));
        }

        // Retries, several at once: acknowledged again as duplicates, stored once.
        List<String> retried = sent.keySet().stream().limit(12).toList();
        try (ExecutorService agents = Executors.newFixedThreadPool(12)) {
            List<Future<JsonNode>> answers = new ArrayList<>();
            for (String batchId : retried) {
                for (int copy = 0; copy < 2; copy++) {
                    answers.add(agents.submit(() -> api().post("/api/v1/score?commit=true", sent.get(batchId)).json()));
                }
            }
            for (Future<JsonNode> answer : answers) {
                assertThat(answer.get().get("duplicate").booleanValue()).isTrue();
            }
        }
        for (String container : containers) {
            assertThat(api().get("/api/v1/containers/" + container + "/state").json().get("events").longValue())
                    .isEqualTo(perContainer);
        }
    }

    /** The image's container detector judges once a committed event of a new container carries a container risk. */
    private void awaitContainerDetector(String digest) throws InterruptedException {
        for (int i = 0; i < 160; i++) {
            Map<String, Object> probe = NginxTraffic.exec(digest, Events.newId("probe"), NGINX, "/sbin/init", 1, Instant.now());
            JsonNode result = api().post("/api/v1/score?commit=true", Api.json(Map.of("events", List.of(probe))))
                    .json().get("results").get(0);
            if (result.get("container") != null && !result.get("container").isNull()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no container detector became ready for " + digest);
    }

}
