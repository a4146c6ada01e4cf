package io.habitus.incident;

import static io.habitus.support.NginxTraffic.NGINX;
import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.incident.internal.IncidentMetrics;
import io.habitus.support.Api;
import io.habitus.support.Events;
import io.habitus.support.IntegrationTest;
import io.habitus.support.NginxTraffic;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Container evidence, incidents and their lifecycle, through the HTTP API against PostgreSQL. */
class IncidentTests extends IntegrationTest {

    private static String digest;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private TransactionTemplate transaction;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private IncidentMetrics metrics;

    @BeforeEach
    void learnedImageWithDetector() throws InterruptedException {
        if (digest != null) {
            return;
        }
        String image = learnedNginxImage(8, 30, 900);
        awaitDetector(image);
        digest = image;
    }

    @Test
    void theDetectorIsCalibratedOnContainersHeldOutOfTheWindow() {
        JsonNode detector = api().get("/api/v1/images/" + digest + "/detectors").json().get(0);

        assertThat(detector.get("status").stringValue()).isEqualTo("READY");
        assertThat(detector.get("window").intValue()).isEqualTo(1);
        assertThat(detector.get("threshold").doubleValue()).isGreaterThanOrEqualTo(2.0);
        assertThat(detector.get("statistics").get("heldOutContainers").intValue()).isEqualTo(8);
        assertThat(detector.get("learnedSequences").intValue()).isPositive();
        assertThat(detector.get("dryRunUntil").isString()).isTrue();
    }

    @Test
    void aContainerDoingWhatTheWindowDidStaysQuiet() {
        String container = Events.newId("web");
        JsonNode results = committed(NginxTraffic.rounds(digest, container, Instant.now().minusSeconds(500), 12));

        for (JsonNode result : results) {
            JsonNode risk = result.get("container");
            assertThat(risk.get("containerId").stringValue()).isEqualTo(container);
            assertThat(risk.get("novel").booleanValue()).isFalse();
            assertThat(risk.get("novelAs")).isEmpty();
            assertThat(risk.get("evidence").doubleValue()).isZero();
            assertThat(risk.get("risk").doubleValue()).as("its mix is near the learning containers'").isLessThan(1.0);
            assertThat(risk.get("incident").isNull()).isTrue();
        }
        assertThat(api().get("/api/v1/incidents?container=" + container).json().get("incidents")).isEmpty();
    }

    @Test
    void novelBehaviourOpensOneIncidentPerEpisodeWithItsReasonsAndActions() {
        String container = Events.newId("web");
        Instant t = Instant.now().minusSeconds(400);
        List<Map<String, Object>> events = new ArrayList<>(inAllowlistOddities(container, t));
        events.add(NginxTraffic.exec(digest, container, "/usr/bin/curl", NGINX, 90, t.plusSeconds(102)));

        JsonNode results = committed(events);

        JsonNode last = results.get(results.size() - 1).get("container");
        assertThat(last.get("novel").booleanValue()).isTrue();
        assertThat(last.get("novelAs").toString()).as("nginx never started curl while learning")
                .contains("PROCESS_ACTION", "PROCESS_SEQUENCE", "CONTAINER_SEQUENCE");
        assertThat(last.get("risk").doubleValue()).isGreaterThan(1.0);
        JsonNode ref = last.get("incident");
        assertThat(ref.get("status").stringValue()).isEqualTo("OPEN");
        assertThat(ref.get("severity").stringValue()).as("a broken rule").isEqualTo("HIGH");
        assertThat(ref.get("dryRun").booleanValue()).as("within a day of the detector").isTrue();
        long id = ref.get("id").longValue();

        JsonNode incident = api().get("/api/v1/incidents/" + id).json();
        assertThat(incident.get("containerId").stringValue()).isEqualTo(container);
        assertThat(incident.get("digest").stringValue()).isEqualTo(digest);
        assertThat(incident.get("profileVersion").intValue()).isEqualTo(1);
        assertThat(incident.get("openedBy").stringValue()).as("the oddities' novel sequences opened it, before curl")
                .isEqualTo("SEQUENCES");
        assertThat(incident.get("reasons").toString()).contains("/usr/bin/curl");
        // Every evidence that can open an incident is named with its threshold, as the score answer names them.
        for (String evidence : List.of("evidence", "mixEvidence", "rarityEvidence", "modelEvidence")) {
            assertThat(incident.get(evidence).doubleValue()).as(evidence).isEqualTo(last.get(evidence).doubleValue());
        }
        for (String threshold : List.of("threshold", "mixThreshold", "rarityThreshold", "modelThreshold")) {
            assertThat(incident.get(threshold).doubleValue()).as(threshold).isEqualTo(last.get(threshold).doubleValue())
                    .isGreaterThan(0);
        }
        assertThat(api().get("/api/v1/incidents?image=" + digest + "&status=OPEN").json().get("incidents").toString())
                .contains("\"id\":" + id);
        assertThat(api().get("/api/v1/incidents?container=" + container + "&severity=HIGH&dryRun=true").json()
                .get("incidents").toString()).contains("\"id\":" + id);
        assertThat(api().get("/api/v1/incidents?container=" + container + "&dryRun=false").json().get("incidents"))
                .as("only alerted incidents").isEmpty();
        assertThat(api().get("/api/v1/incidents?container=" + container + "&severity=LOW").json().get("incidents")).isEmpty();

        JsonNode more = committed(List.of(NginxTraffic.exec(digest, container, "/usr/bin/wget", NGINX, 91, t.plusSeconds(110))));
        assertThat(more.get(0).get("container").get("incident").get("id").longValue()).as("same episode, same incident").isEqualTo(id);
        JsonNode grown = api().get("/api/v1/incidents/" + id).json();
        assertThat(grown.get("events").longValue()).as("the batch grew the incident").isEqualTo(incident.get("events").longValue() + 1);
        assertThat(grown.get("reasons").toString()).contains("/usr/bin/wget");

        assertThat(api().post("/api/v1/incidents/" + id + "/acknowledge", Api.json(Map.of("note", "looking"))).json()
                .get("status").stringValue()).isEqualTo("ACKNOWLEDGED");
        // The evidence this replica holds for a what-if must not show the incident as it stood before.
        JsonNode whatIf = api().post("/api/v1/score?commit=false", Api.json(Map.of("events",
                List.of(NginxTraffic.exec(digest, container, "/usr/bin/wget", NGINX, 92, t.plusSeconds(111)))))).json();
        assertThat(whatIf.get("results").get(0).get("container").get("incident").get("status").stringValue()).isEqualTo("ACKNOWLEDGED");
        assertThat(committed(List.of(NginxTraffic.exec(digest, container, "/usr/bin/wget", NGINX, 93, t.plusSeconds(112))))
                .get(0).get("container").get("incident").get("status").stringValue()).isEqualTo("ACKNOWLEDGED");
        Api.Reply again = api().post("/api/v1/incidents/" + id + "/acknowledge", Api.json(Map.of()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");

        JsonNode closed = api().post("/api/v1/incidents/" + id + "/false-positive", Api.json(Map.of("note", "a deploy"))).json();
        assertThat(closed.get("status").stringValue()).isEqualTo("FALSE_POSITIVE");
        assertThat(closed.get("statusNote").stringValue()).isEqualTo("a deploy");
        assertThat(api().post("/api/v1/incidents/" + id + "/resolve", Api.json(Map.of())).status()).isEqualTo(409);

        // The sequences it raised are learned now: another container doing the same in-allowlist oddities stays quiet.
        String twin = Events.newId("web");
        for (JsonNode result : committed(inAllowlistOddities(twin, t.plusSeconds(300)))) {
            assertThat(result.get("container").get("novel").booleanValue()).as(result.toString()).isFalse();
            assertThat(result.get("container").get("incident").isNull()).isTrue();
        }
    }

    /**
     * Inside the allowlist, a known process doing what only another kind of process did while learning (the
     * shell nginx starts for logrotate reading the site's pages) opens an incident at once where no learning
     * container held out of a large enough window did anything of the kind; the eight containers of the
     * other tests' window are too few to vouch for that.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aKnownProcessDoingWhatItsKindNeverDidOpensAnIncidentWhereLearningShowedNone() throws InterruptedException {
        assertThat(api().get("/api/v1/images/" + digest + "/detectors").json().get(0).get("statistics")
                .get("newActionOpensIncident").booleanValue()).as("8 learning containers").isFalse();
        String image = learnedNginxImage(120, 6, 60);
        awaitDetector(image);
        assertThat(api().get("/api/v1/images/" + image + "/detectors").json().get(0).get("statistics")
                .get("newActionOpensIncident").booleanValue()).as("120 learning containers, none made a new action").isTrue();

        String container = Events.newId("web");
        Instant t = Instant.now().minusSeconds(350);
        List<Map<String, Object>> events = new ArrayList<>(NginxTraffic.rounds(image, container, t, 2));
        events.add(NginxTraffic.exec(image, container, "/bin/sh", NGINX, 77, t.plusSeconds(40)));
        Map<String, Object> read = NginxTraffic.file(image, container, "file.read", "/var/www/index.html", t.plusSeconds(41));
        Map<String, Object> process = new java.util.LinkedHashMap<>((Map<String, Object>) read.get("process"));
        process.put("pid", 77);
        process.put("exe", "/bin/sh");
        process.put("parentExe", NGINX);
        read.put("process", process);
        events.add(read);

        JsonNode results = committed(events);

        JsonNode last = results.get(results.size() - 1);
        assertThat(last.get("verdict").stringValue()).as("every token is in the profile").isNotEqualTo("VIOLATION");
        assertThat(last.get("container").get("novelAs").toString()).contains("PROCESS_ACTION");
        assertThat(last.get("container").get("risk").doubleValue()).isGreaterThanOrEqualTo(1.0);
        JsonNode incident = last.get("container").get("incident");
        assertThat(incident.get("status").stringValue()).isEqualTo("OPEN");
        assertThat(incident.get("severity").stringValue()).as("no rule was broken").isNotEqualTo("HIGH");
        assertThat(incident.get("openedBy").stringValue()).as("the score answer says why too").isEqualTo("NEW_ACTION");
        JsonNode opened = api().get("/api/v1/incidents/" + incident.get("id").longValue()).json();
        assertThat(opened.get("openedBy").stringValue()).isEqualTo("NEW_ACTION");
        assertThat(opened.get("reasons").toString()).contains("/bin/sh <- " + NGINX);
    }

    /** Normal rounds, then allowed tokens in an order the learning window never showed. */
    private static List<Map<String, Object>> inAllowlistOddities(String container, Instant t) {
        List<Map<String, Object>> events = new ArrayList<>(NginxTraffic.rounds(digest, container, t, 3));
        events.add(NginxTraffic.file(digest, container, "file.read", "/etc/logrotate.conf", t.plusSeconds(100)));
        events.add(NginxTraffic.file(digest, container, "file.write", "/var/log/nginx/access.log", t.plusSeconds(101)));
        return events;
    }

    @Test
    void dryRunBehaviourSeenOnSeveralContainersAndNodesIsProposedAndAcceptedInOneStep() {
        Instant t = Instant.now().minusSeconds(250);
        for (String node : List.of("node-a", "node-b", "node-c")) {
            List<Map<String, Object>> events = onNode(cronLikeOddities(Events.newId("web"), t), node);
            JsonNode results = committed(events);
            assertThat(results.get(results.size() - 1).get("container").get("incident").get("dryRun").booleanValue()).isTrue();
        }
        JsonNode detector = api().get("/api/v1/images/" + digest + "/detectors").json().get(0);
        String proposalsPath = "/api/v1/images/" + digest + "/detectors/" + detector.get("id").longValue() + "/proposals";

        JsonNode proposals = api().get(proposalsPath).json();
        assertThat(proposals).isNotEmpty();
        for (JsonNode proposal : proposals) {
            assertThat(proposal.get("containers").longValue()).isGreaterThanOrEqualTo(3);
            assertThat(proposal.get("nodes").longValue()).isGreaterThanOrEqualTo(2);
        }
        assertThat(api().get("/api/v1/images/" + digest + "/detectors").json().get(0).get("proposals").longValue())
                .isEqualTo(proposals.size());
        Api.Reply accepted = api().post(proposalsPath + "/accept", Api.json(Map.of()));
        assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(200);
        assertThat(accepted.json()).hasSize(proposals.size());

        for (JsonNode result : committed(cronLikeOddities(Events.newId("web"), t.plusSeconds(100)))) {
            assertThat(result.get("container").get("novel").booleanValue()).as(result.toString()).isFalse();
        }
        assertThat(api().post(proposalsPath + "/accept", Api.json(Map.of("sequenceFingerprints", List.of("NOT HEX"))))
                .status()).isEqualTo(400);
        assertThat(api().get("/api/v1/images/" + digest + "/detectors/999999/proposals").status()).isEqualTo(404);
    }

    /** Normal rounds, then log writes and a config read in an order the window never showed. */
    private static List<Map<String, Object>> cronLikeOddities(String container, Instant t) {
        List<Map<String, Object>> events = new ArrayList<>(NginxTraffic.rounds(digest, container, t, 2));
        events.add(NginxTraffic.file(digest, container, "file.write", "/var/log/nginx/access.log", t.plusSeconds(60)));
        events.add(NginxTraffic.file(digest, container, "file.write", "/var/log/nginx/access.log", t.plusSeconds(61)));
        events.add(NginxTraffic.file(digest, container, "file.read", "/etc/logrotate.conf", t.plusSeconds(62)));
        events.add(NginxTraffic.network(digest, container, "network.accept", 80, t.plusSeconds(63)));
        return events;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> onNode(List<Map<String, Object>> events, String node) {
        events.forEach(e -> ((Map<String, Object>) e.get("container")).put("node", node));
        return events;
    }

    /**
     * A batch locks its container's evidence and then grows the container's incident; a person closing the
     * incident meanwhile must wait for the batch, not take the incident's lock first and then wait for the
     * evidence row (each would wait for the other, and PostgreSQL would abort one of them).
     */
    @Test
    void closingAnIncidentWhileABatchOfItsContainerHoldsTheEvidenceWaitsInsteadOfDeadlocking() throws Exception {
        String container = Events.newId("web");
        Instant t = Instant.now().minusSeconds(400);
        List<Map<String, Object>> events = new ArrayList<>(NginxTraffic.rounds(digest, container, t, 2));
        events.add(NginxTraffic.exec(digest, container, "/usr/bin/curl", NGINX, 90, t.plusSeconds(102)));
        long id = committed(events).get(events.size() - 1).get("container").get("incident").get("id").longValue();
        assertThat(api().get("/api/v1/incidents/" + id).json().get("openedBy").stringValue()).isEqualTo("BROKEN_RULE");

        CountDownLatch evidenceLocked = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            // What the pipeline does, in its order: the evidence row under lock, then the incident grown.
            Future<?> batch = pool.submit(() -> transaction.executeWithoutResult(status -> {
                jdbc.queryForList("select container_id from incident_evidence where container_id = ? for update", container);
                evidenceLocked.countDown();
                sleep(700);
                jdbc.update("update incident set events = events + 1 where id = ?", id);
            }));
            evidenceLocked.await();
            Future<Api.Reply> resolve = pool.submit(() -> api().post("/api/v1/incidents/" + id + "/resolve", Api.json(Map.of())));
            batch.get(30, TimeUnit.SECONDS);
            Api.Reply resolved = resolve.get(30, TimeUnit.SECONDS);
            assertThat(resolved.status()).as(resolved.raw().body()).isEqualTo(200);
        }
        assertThat(api().get("/api/v1/incidents/" + id).json().get("status").stringValue()).isEqualTo("RESOLVED");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aWhatIfShowsTheRiskButOpensNothing() {
        String container = Events.newId("web");
        Instant t = Instant.now().minusSeconds(300);
        List<Map<String, Object>> events = new ArrayList<>(NginxTraffic.rounds(digest, container, t, 2));
        events.add(NginxTraffic.exec(digest, container, "/usr/bin/curl", NGINX, 90, t.plusSeconds(50)));
        events.add(NginxTraffic.exec(digest, container, "/usr/bin/wget", NGINX, 91, t.plusSeconds(51)));
        events.add(NginxTraffic.exec(digest, container, "/bin/nc", NGINX, 92, t.plusSeconds(52)));

        Api.Reply reply = api().post("/api/v1/score?commit=false", Api.json(Map.of("events", events)));

        JsonNode results = reply.json().get("results");
        JsonNode last = results.get(results.size() - 1).get("container");
        assertThat(last.get("risk").doubleValue()).isGreaterThan(1.0);
        assertThat(last.get("incident").isNull()).isTrue();
        assertThat(api().get("/api/v1/incidents?container=" + container).json().get("incidents")).isEmpty();
    }

    @Test
    void openedIncidentsAreCountedOnceCommittedAndTheUnresolvedGaugeFollowsTheDatabase() {
        double openedBefore = opened(null, "true");
        String container = Events.newId("web");
        Instant t = Instant.now().minusSeconds(300);
        List<Map<String, Object>> events = new ArrayList<>(inAllowlistOddities(container, t));
        events.add(NginxTraffic.exec(digest, container, "/usr/bin/curl", NGINX, 90, t.plusSeconds(102)));
        long id = committed(events).get(events.size() - 1).get("container").get("incident").get("id").longValue();
        String openedBy = api().get("/api/v1/incidents/" + id).json().get("openedBy").stringValue();

        assertThat(opened(null, "true")).as("one more incident, in the detector's dry run").isEqualTo(openedBefore + 1);
        assertThat(opened(openedBy, "true")).as("counted under what opened it").isPositive();
        metrics.refresh();
        assertThat(unresolved("OPEN", "true")).isEqualTo(unresolvedInDatabase("OPEN", true)).isPositive();
        double openBefore = unresolved("OPEN", "true");
        api().post("/api/v1/incidents/" + id + "/resolve", Api.json(Map.of()));
        metrics.refresh();
        assertThat(unresolved("OPEN", "true")).isEqualTo(openBefore - 1).isEqualTo(unresolvedInDatabase("OPEN", true));

        // An incident opened in a transaction that rolls back was never opened.
        double quietBefore = opened("MIX", "false");
        transaction.executeWithoutResult(status -> {
            metrics.opened(Severity.LOW, IncidentTrigger.MIX, false);
            status.setRollbackOnly();
        });
        assertThat(opened("MIX", "false")).isEqualTo(quietBefore);
        transaction.executeWithoutResult(status -> metrics.opened(Severity.LOW, IncidentTrigger.MIX, false));
        assertThat(opened("MIX", "false")).isEqualTo(quietBefore + 1);
    }

    /** Incidents counted as opened, by what opened them (null: any) and whether in a dry run. */
    private double opened(@Nullable String openedBy, String dryRun) {
        var search = meters.find("habitus.incidents.opened").tag("dry_run", dryRun);
        return (openedBy == null ? search : search.tag("opened_by", openedBy)).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private double unresolved(String status, String dryRun) {
        return meters.get("habitus.incidents.unresolved").tag("status", status).tag("dry_run", dryRun).gauge().value();
    }

    private double unresolvedInDatabase(String status, boolean dryRun) {
        return jdbc.queryForObject("select count(*) from incident where status = ? and dry_run = ?", Long.class, status, dryRun);
    }

    @Test
    void unknownIncidentsAndBadFiltersAreProblems() {
        assertThat(api().get("/api/v1/incidents/999999999").status()).isEqualTo(404);
        assertThat(api().get("/api/v1/incidents?status=MAYBE").status()).isEqualTo(400);
        assertThat(api().get("/api/v1/incidents?severity=HUGE").status()).isEqualTo(400);
        assertThat(api().get("/api/v1/incidents?dryRun=perhaps").status()).isEqualTo(400);
        assertThat(api().get("/api/v1/incidents?cursor=bm9wZQ").status()).isEqualTo(400);
        assertThat(api().get("/api/v1/images/sha256:nope/detectors").status()).isEqualTo(400);
    }

    private JsonNode committed(List<Map<String, Object>> events) {
        Api.Reply reply = api().post("/api/v1/score?commit=true", Api.json(Map.of("events", events)));
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        return reply.json().get("results");
    }

    private void awaitDetector(String image) throws InterruptedException {
        for (int i = 0; i < 160; i++) {
            JsonNode detectors = api().get("/api/v1/images/" + image + "/detectors").json();
            if (!detectors.isEmpty() && "READY".equals(detectors.get(0).get("status").stringValue())) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no READY detector for " + image + ": "
                + api().get("/api/v1/images/" + image + "/detectors").raw().body());
    }
}
