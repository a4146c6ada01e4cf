package io.habitus.contract;

import static io.habitus.support.NginxTraffic.NGINX;
import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.sensor.SensorRecords;
import io.habitus.support.AlertReceiver;
import io.habitus.support.Api;
import io.habitus.support.Events;
import io.habitus.support.IntegrationTest;
import io.habitus.support.NginxTraffic;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Replays every operation of the committed OpenAPI document against the running service (real
 * PostgreSQL) and checks each answer against the document: the status is declared for the
 * operation, the content type and headers are declared, and the body is valid against the declared
 * schema. Every documented operation must have answered at least one declared success. What a
 * generated client (TypeScript, Java) believes is then what the service does. Refusals and problems:
 * {@link RefusalContractTests}.
 */
// A context of its own (its sinks): closed after the class instead of polling on in the cache.
@DirtiesContext
class ApiContractTests extends IntegrationTest {

    /** An alert sink that rejects everything: its deliveries are given up at once, so one can be retried. */
    private static final AlertReceiver SINK = AlertReceiver.start();

    private final ContractLog log = new ContractLog();

    @DynamicPropertySource
    static void alertSink(DynamicPropertyRegistry registry) {
        SINK.answer("/contract", n -> 400);
        registry.add("habitus.alerts.poll-interval", () -> "100ms");
        registry.add("habitus.alerts.sinks[0].name", () -> "contract-hook");
        registry.add("habitus.alerts.sinks[0].type", () -> "WEBHOOK");
        registry.add("habitus.alerts.sinks[0].url", () -> SINK.url("/contract"));
    }

    @Test
    void everyDocumentedOperationAnswersWhatTheDocumentSays() throws InterruptedException {
        String agent = tokens();
        String digest = learnedImage();
        images(digest);
        String container = scoring(digest, agent);
        profiles(digest);
        models(digest);
        audits(digest);
        alerts();
        incidents(digest);
        detectors(digest);
        call(api(), "GET", "/api/v1/containers/{id}/state", container);
        call(api(), "GET", "/api/v1/containers/{id}/state", "never-seen");
        sensors(agent);
        errors(digest);

        assertThat(log.violations).as("answers the document does not describe").isEmpty();
        Set<String> missing = new TreeSet<>(ContractLog.CONTRACT.operations());
        missing.removeAll(log.succeeded);
        assertThat(missing).as("documented operations this test never saw succeed").isEmpty();
    }

    private String tokens() {
        Api.Reply issued = call(api(), "POST", "/api/v1/tokens", Map.of("name", "contract-agent", "role", "AGENT"));
        String id = issued.json().get("token").get("id").stringValue();
        call(api(), "POST", "/api/v1/tokens", Map.of("name", "contract-scoped", "role", "AGENT", "scope",
                Map.of("namespaces", List.of("web"), "operations", List.of("INGEST", "SCORE"))));
        call(api(), "GET", "/api/v1/tokens");
        call(api(issued.json().get("secret").stringValue()), "GET", "/api/v1/caller");
        call(api(), "GET", "/api/v1/tokens/{id}", id);
        Api.Reply doomed = call(api(), "POST", "/api/v1/tokens", Map.of("name", "contract-doomed", "role", "ANALYST"));
        call(api(), "DELETE", "/api/v1/tokens/{id}", doomed.json().get("token").get("id").stringValue());
        call(api(), "GET", "/api/v1/tokens/{id}", "6f0c1a52-3c1e-4a8e-9d59-0d2c4f8e9a10");
        call(api(), "POST", "/api/v1/tokens", Map.of("name", "", "role", "KING"));
        return issued.json().get("secret").stringValue();
    }

    /** An nginx image that learned from eight containers: active profile, model and container detector. */
    private String learnedImage() throws InterruptedException {
        String digest = Events.newDigest();
        Instant start = Instant.now().minusSeconds(20_000);
        List<Map<String, Object>> learning = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            learning.addAll(NginxTraffic.rounds(digest, Events.newId("web"), start.plusSeconds(c * 900L), 30));
        }
        call(api(), "POST", "/api/v1/events", Events.batch(Events.newId("learn"), learning));
        call(api(), "GET", "/api/v1/images/{digest}/learning", digest);
        call(api(), "POST", "/api/v1/images/{digest}/learning", Map.of("action", "CONFIGURE", "minContainers", 1), digest);
        call(api(), "POST", "/api/v1/images/{digest}/learning", Map.of("action", "FINISH"), digest);
        call(api(), "POST", "/api/v1/images/{digest}/learning", Map.of("action", "FINISH"), digest);
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

    private void images(String digest) {
        call(api(), "GET", "/api/v1/images");
        call(api(), "GET", "/api/v1/images?status=ACTIVE&page=0&size=5");
        call(api(), "GET", "/api/v1/images/{digest}", digest);
        call(api(), "GET", "/api/v1/images/{digest}", Events.newDigest());
    }

    /** What-if and committed scores; the committed curl breaks the profile: an audit and an incident. */
    private String scoring(String digest, String agent) {
        String container = Events.newId("web");
        Instant t = Instant.now().minusSeconds(400);
        List<Map<String, Object>> events = new ArrayList<>(NginxTraffic.rounds(digest, container, t, 3));
        events.add(NginxTraffic.file(digest, container, "file.read", "/etc/logrotate.conf", t.plusSeconds(100)));
        events.add(NginxTraffic.exec(digest, container, "/usr/bin/curl", NGINX, 90, t.plusSeconds(102)));
        call(api(), "POST", "/api/v1/score", Map.of("events", events));
        call(api(agent), "POST", "/api/v1/score?commit=false", Map.of("events", events));
        call(api(), "POST", "/api/v1/score", Map.of("events", List.of(Events.exec(Events.newDigest(), "c-x", "node-a",
                "/bin/true")), "priorState", Map.of("processes", List.of(NGINX), "recentTokens", List.of("accept tcp/80"))));
        call(api(), "POST", "/api/v1/score?commit=true", Map.of("events", events, "batchId", Events.newId("score")));
        call(api(agent), "POST", "/api/v1/events", Events.batch(Events.newId("agent"),
                List.of(Events.exec(digest, container, "node-a", "/bin/sh"), Map.of("type", "nonsense"))));
        call(api(agent), "POST", "/api/v1/images/{digest}/learning", Map.of("action", "FINISH"), digest);
        return container;
    }

    private void profiles(String digest) {
        call(api(), "GET", "/api/v1/images/{digest}/profiles", digest);
        Api.Reply v1 = call(api(), "GET", "/api/v1/images/{digest}/profiles/{version}", digest, 1);
        int latest = latestProfile(digest);
        Api.Reply current = call(api(), "GET", "/api/v1/images/{digest}/profiles/{version}", digest, latest);
        Map<String, Object> edit = Map.of("add", List.of(Map.of("kind", "PROCESS", "pattern",
                "/usr/bin/true <- /usr/sbin/nginx", "reason", "health probe")), "comment", "contract");
        call(api(), "PATCH", "/api/v1/images/{digest}/profiles/{version}", edit, List.of(), digest, latest);
        call(api(), "PATCH", "/api/v1/images/{digest}/profiles/{version}", edit, List.of("If-Match", "\"stale\""), digest,
                latest);
        Api.Reply edited = call(api(), "PATCH", "/api/v1/images/{digest}/profiles/{version}", edit,
                List.of("If-Match", current.header("ETag")), digest, latest);
        call(api(), "PATCH", "/api/v1/images/{digest}/profiles/{version}", edit,
                List.of("If-Match", current.header("ETag")), digest, latest);
        int next = edited.json().get("profile").get("version").intValue();
        call(api(), "PATCH", "/api/v1/images/{digest}/profiles/{version}", edit, List.of("If-Match", edited.header("ETag")),
                digest, next);
        call(api(), "GET", "/api/v1/images/{digest}/profiles/{a}/diff/{b}", digest, 1, next);
        exports(digest, next);
        call(api(), "POST", "/api/v1/images/{digest}/profiles/{version}/activate", null, digest, latest);
        Map<String, Object> imported = new LinkedHashMap<>();
        imported.put("source", "IMPORT");
        imported.put("activate", false);
        imported.put("profile", v1.json());
        call(api(), "POST", "/api/v1/images/{digest}/profiles", imported, Events.newDigest());
        call(api(), "POST", "/api/v1/images/{digest}/profiles", Map.of("source", "OBSERVATIONS"), digest);
        call(api(), "POST", "/api/v1/images/{digest}/profiles", Map.of("source", "OBSERVATIONS"), Events.newDigest());
    }

    /** The nginx traffic has no system calls: enforcing seccomp is refused (409), logging answers. */
    private void exports(String digest, int version) {
        String exports = "/api/v1/images/{digest}/profiles/{version}/exports/";
        for (String format : List.of("seccomp-profile", "oci-seccomp")) {
            call(api(), "GET", exports + format, digest, version);
            call(api(), "GET", exports + format + "?mode=LOG", digest, version);
        }
        call(api(), "GET", exports + "seccomp-profile?mode=LOG&name=web-seccomp", digest, version);
        call(api(), "GET", exports + "application-profile", digest, version);
        call(api(), "GET", exports + "network-neighborhood?name=web", digest, version);
        call(api(), "GET", exports + "application-profile?name=Bad_Name", digest, version);
    }

    private void models(String digest) {
        call(api(), "GET", "/api/v1/images/{digest}/models", digest);
        call(api(), "GET", "/api/v1/images/{digest}/models/{version}", digest, 1);
        call(api(), "POST", "/api/v1/images/{digest}/models/{version}/activate", null, digest, 1);
        Api.Reply job = call(api(), "POST", "/api/v1/images/{digest}/models", null, digest);
        call(api(), "GET", "/api/v1/images/{digest}/models/jobs", digest);
        call(api(), "GET", "/api/v1/images/{digest}/models/jobs/{id}", digest, job.json().get("id").longValue());
        call(api(), "GET", "/api/v1/images/{digest}/models/{version}", digest, 99);
    }

    private void audits(String digest) {
        call(api(), "GET", "/api/v1/audits");
        Api.Reply page = call(api(), "GET", "/api/v1/audits?image=" + digest + "&verdict=VIOLATION&limit=1");
        long id = page.json().get("items").get(0).get("id").longValue();
        call(api(), "GET", "/api/v1/audits/{id}", id);
        call(api(), "POST", "/api/v1/audits/{id}/allow", Map.of("reason", "contract"), id);
        call(api(), "POST", "/api/v1/audits/{id}/allow", Map.of("reason", "twice"), id);
        call(api(), "GET", "/api/v1/audits?cursor=bm9wZQ");
    }

    /** The audits above were alerted to the rejecting sink: given up, listed, read and retried. */
    private void alerts() throws InterruptedException {
        call(api(), "GET", "/api/v1/alerts/sinks");
        long id = -1;
        for (int i = 0; i < 200 && id < 0; i++) {
            JsonNode failed = api().get("/api/v1/alerts/deliveries?state=FAILED").json().get("deliveries");
            if (failed.isEmpty()) {
                Thread.sleep(100);
            } else {
                id = failed.get(0).get("id").longValue();
            }
        }
        call(api(), "GET", "/api/v1/alerts/deliveries?sink=contract-hook&state=FAILED&limit=1");
        call(api(), "GET", "/api/v1/alerts/deliveries/{id}", id);
        call(api(), "POST", "/api/v1/alerts/deliveries/{id}/retry", id);
        call(api(), "POST", "/api/v1/alerts/deliveries/{id}/retry", id);
        call(api(), "GET", "/api/v1/alerts/deliveries?state=MAYBE");
    }

    private void incidents(String digest) {
        call(api(), "GET", "/api/v1/incidents");
        Api.Reply open = call(api(), "GET", "/api/v1/incidents?image=" + digest + "&status=OPEN");
        long id = open.json().get("incidents").get(0).get("id").longValue();
        call(api(), "GET", "/api/v1/incidents/{id}", id);
        call(api(), "POST", "/api/v1/incidents/{id}/acknowledge", Map.of("note", "looking"), id);
        call(api(), "POST", "/api/v1/incidents/{id}/acknowledge", Map.of(), id);
        call(api(), "POST", "/api/v1/incidents/{id}/false-positive", Map.of("note", "a deploy"), id);
        call(api(), "POST", "/api/v1/incidents/{id}/resolve", Map.of(), id);
        String other = Events.newId("web");
        Instant t = Instant.now().minusSeconds(200);
        Api.Reply scored = call(api(), "POST", "/api/v1/score?commit=true", Map.of("events",
                List.of(NginxTraffic.exec(digest, other, "/usr/bin/wget", NGINX, 91, t))));
        JsonNode incident = scored.json().get("results").get(0).get("container").get("incident");
        call(api(), "POST", "/api/v1/incidents/{id}/resolve", Map.of("note", "done"), incident.get("id").longValue());
    }

    private void detectors(String digest) {
        Api.Reply detectors = call(api(), "GET", "/api/v1/images/{digest}/detectors", digest);
        long id = detectors.json().get(0).get("id").longValue();
        call(api(), "GET", "/api/v1/images/{digest}/detectors/{id}/proposals", digest, id);
        call(api(), "POST", "/api/v1/images/{digest}/detectors/{id}/proposals/accept", Map.of(), digest, id);
        call(api(), "GET", "/api/v1/images/{digest}/detectors/{id}/proposals", digest, 999_999);
    }

    /** Tetragon's export and Falco's alerts as their shippers post them (ndjson), then a malformed line. */
    private void sensors(String agent) {
        for (String sensor : List.of("tetragon", "falco")) {
            String fixture = sensor.equals("tetragon") ? "tetragon/pod-events.jsonl" : "falco/alerts.jsonl";
            byte[] body = SensorRecords.ndjson(SensorRecords.movedTo(SensorRecords.fixture(fixture), Instant.now()))
                    .getBytes(StandardCharsets.UTF_8);
            String path = "/api/v1/sensors/" + sensor;
            log.record("POST", path, api(agent).send("POST", path, "application/x-ndjson", body,
                    "Idempotency-Key", Events.newId(sensor)));
            log.record("POST", path, api(agent).send("POST", path, "application/x-ndjson",
                    "{not json\n".getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Problem answers: each must be a status the operation declares, with a problem body. */
    private void errors(String digest) {
        call(api(null), "GET", "/api/v1/images");
        call(api("hab_unknown"), "POST", "/api/v1/events", Map.of());
        call(api(), "GET", "/api/v1/images/{digest}", "sha256:nope");
        call(api(), "GET", "/api/v1/images/{digest}/profiles/{version}", digest, 0);
        call(api(), "POST", "/api/v1/events", Map.of("batchId", "has spaces", "agent", Map.of("id", "a"), "events", List.of()));
        Api.Reply unsupported = api().send("POST", "/api/v1/events", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
        log.record("POST", "/api/v1/events", unsupported);
        byte[] huge = new byte[9 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        log.record("POST", "/api/v1/score", api().send("POST", "/api/v1/score", "application/json", huge));
    }

    private int latestProfile(String digest) {
        int latest = 0;
        for (JsonNode version : api().get("/api/v1/images/" + digest + "/profiles").json()) {
            latest = Math.max(latest, version.get("version").intValue());
        }
        return latest;
    }

    private Api.Reply call(Api api, String method, String template, Object... variables) {
        return call(api, method, template, null, List.of(), variables);
    }

    private Api.Reply call(Api api, String method, String template, Map<String, Object> body, Object... variables) {
        return call(api, method, template, body, List.of(), variables);
    }

    private Api.Reply call(Api api, String method, String template, Map<String, Object> body, List<String> headers,
            Object... variables) {
        String path = template;
        for (Object variable : variables) {
            path = path.replaceFirst("\\{[^}]+}", variable.toString());
        }
        Api.Reply reply = switch (method) {
            case "GET" -> api.get(path);
            case "DELETE" -> api.delete(path);
            default -> api.send(method, path, "application/json",
                    (body == null ? "" : Api.json(body)).getBytes(StandardCharsets.UTF_8), headers.toArray(String[]::new));
        };
        log.record(method, template, reply);
        return reply;
    }
}
