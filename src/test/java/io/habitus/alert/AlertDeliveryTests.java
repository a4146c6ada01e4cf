package io.habitus.alert;

import static io.habitus.support.NginxTraffic.NGINX;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import io.habitus.alert.sink.Signature;
import io.habitus.support.AlertReceiver;
import io.habitus.support.Api;
import io.habitus.support.Events;
import io.habitus.support.IntegrationTest;
import io.habitus.support.JsonSchemas;
import io.habitus.support.NginxTraffic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts leave the service after commit and reach real HTTP receivers in each sink's format: signed
 * webhooks, Slack, Alertmanager, CloudEvents; a sink that rejects is given up at once and visible; a
 * failing sink is retried with backoff; dry-run incidents and repeats are not alerted.
 */
// A context of its own (its sinks): closed after the class instead of polling on in the cache.
@DirtiesContext
class AlertDeliveryTests extends IntegrationTest {

    static final AlertReceiver RECEIVER = AlertReceiver.start();
    static final String SECRET = "whsec-it-0123456789abcdef";
    static final String SLACK_PATH = "/services/T0000/B0000/slack-secret-path";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void sinks(DynamicPropertyRegistry registry) {
        registry.add("habitus.alerts.public-url", () -> "https://habitus.example.com");
        registry.add("habitus.alerts.poll-interval", () -> "100ms");
        registry.add("habitus.alerts.metrics-interval", () -> "200ms");
        sink(registry, 0, "it-hook", "WEBHOOK", "/hook", SECRET);
        registry.add("habitus.alerts.sinks[0].max-batch-size", () -> "5");
        sink(registry, 1, "it-slack", "SLACK", SLACK_PATH, null);
        sink(registry, 2, "it-am", "ALERTMANAGER", "/am", null);
        sink(registry, 3, "it-ce", "CLOUDEVENTS", "/ce", SECRET);
        sink(registry, 4, "it-reject", "WEBHOOK", "/reject", null);
        registry.add("habitus.alerts.sinks[4].takes", () -> "AUDITS");
        sink(registry, 5, "it-flaky", "WEBHOOK", "/flaky", null);
        registry.add("habitus.alerts.sinks[5].initial-backoff", () -> "300ms");
        registry.add("habitus.alerts.sinks[5].max-backoff", () -> "1s");
        RECEIVER.answer("/reject", n -> 400);
        RECEIVER.answer("/flaky", n -> n % 3 == 2 ? 200 : 503);
    }

    static void sink(DynamicPropertyRegistry registry, int index, String name, String type, String path, String secret) {
        String prefix = "habitus.alerts.sinks[" + index + "].";
        registry.add(prefix + "name", () -> name);
        registry.add(prefix + "type", () -> type);
        registry.add(prefix + "url", () -> RECEIVER.url(path));
        if (secret != null) {
            registry.add(prefix + "secret", () -> secret);
        }
    }

    @Test
    void aViolationReachesEverySinkInItsFormat() throws InterruptedException {
        String digest = activeImage();
        long audit = violation(digest, "/bin/sh");
        String link = "https://habitus.example.com/api/v1/audits/" + audit;

        AlertReceiver.Received hook = await("/hook", mentions("\"subject\":\"audits/" + audit + "\""));
        assertThat(Signature.verify(SECRET, hook.header(Signature.HEADER), hook.body(), Instant.now().getEpochSecond(), 300))
                .as("the receiver can verify the signature over timestamp and body").isTrue();
        JsonNode alert = alertOf(JSON.readTree(hook.body()).get("alerts"), "audits/" + audit);
        assertThat(alert.get("type").stringValue()).isEqualTo("io.habitus.audit.opened");
        assertThat(alert.get("severity").stringValue()).isEqualTo("HIGH");
        assertThat(alert.get("resource").stringValue()).isEqualTo(link);
        assertThat(alert.get("image").get("digest").stringValue()).isEqualTo(digest);
        assertThat(alert.get("image").get("name").stringValue()).isEqualTo("nginx:1.27");
        assertThat(alert.get("container").get("namespace").stringValue()).isEqualTo("web");
        assertThat(alert.get("audit").get("verdict").stringValue()).isEqualTo("VIOLATION");
        assertThat(alert.get("audit").get("ruleValue").stringValue()).isEqualTo("/bin/sh <- /usr/sbin/nginx");
        assertThat(alert.get("summary").stringValue()).contains("VIOLATION", "nginx:1.27", "/bin/sh");
        assertThat(hook.header("Habitus-Delivery")).isNotBlank();

        AlertReceiver.Received slack = await(SLACK_PATH, mentions("audits/" + audit));
        JsonNode message = JSON.readTree(slack.body());
        assertThat(message.get("text").stringValue()).startsWith("Habitus: ");
        assertThat(message.get("blocks").toString()).contains("<" + link + "|audits/" + audit + ">");

        AlertReceiver.Received am = await("/am", mentions("\"audit_id\":\"" + audit + "\""));
        JsonNode posted = JSON.readTree(am.body());
        assertThat(JsonSchemas.violations("/alerts/alertmanager-postable-alerts.schema.json", posted)).isEmpty();
        JsonNode amAlert = null;
        for (JsonNode a : posted) {
            if (a.get("labels").path("audit_id").asString("").equals(Long.toString(audit))) {
                amAlert = a;
            }
        }
        assertThat(amAlert.get("labels").get("severity").stringValue()).isEqualTo("critical");
        assertThat(amAlert.get("generatorURL").stringValue()).isEqualTo(link);

        AlertReceiver.Received ce = await("/ce", mentions("\"subject\":\"audits/" + audit + "\""));
        assertThat(ce.header("Content-Type")).startsWith("application/cloudevents+json");
        CloudEvent event = new JsonFormat().deserialize(ce.body());
        assertThat(event.getType()).isEqualTo("io.habitus.audit.opened");
        assertThat(event.getSource().toString()).isEqualTo("https://habitus.example.com");
        assertThat(JsonSchemas.violations("/alerts/cloudevents.schema.json", JSON.readTree(ce.body()))).isEmpty();
        assertThat(Signature.verify(SECRET, ce.header(Signature.HEADER), ce.body(), Instant.now().getEpochSecond(), 300)).isTrue();

        // The sink has the request before the worker records its 200: the row turns DELIVERED a moment later.
        JsonNode delivered = api().get("/api/v1/alerts/deliveries?sink=it-ce&state=DELIVERED").json().get("deliveries");
        for (int i = 0; i < 100 && !delivered.toString().contains(event.getId()); i++) {
            Thread.sleep(100);
            delivered = api().get("/api/v1/alerts/deliveries?sink=it-ce&state=DELIVERED").json().get("deliveries");
        }
        assertThat(delivered.toString()).contains(event.getId());
    }

    @Test
    void aRepeatOfTheSameDeviationIsCountedOnItsAuditAndNotAlertedAgain() throws InterruptedException {
        String digest = activeImage();
        String container = Events.newId("web");
        Instant t = Instant.now().minusSeconds(30);
        post(List.of(NginxTraffic.exec(digest, container, "/bin/sh", NGINX, 77, t)));
        post(List.of(NginxTraffic.exec(digest, container, "/bin/sh", NGINX, 78, t.plusSeconds(1))));
        JsonNode audits = api().get("/api/v1/audits?image=" + digest).json().get("items");
        assertThat(audits).hasSize(1);
        assertThat(audits.get(0).get("occurrences").longValue()).isEqualTo(2);
        long audit = audits.get(0).get("id").longValue();

        await("/hook", mentions("\"subject\":\"audits/" + audit + "\""));
        Thread.sleep(1000);
        assertThat(RECEIVER.received("/hook").stream().filter(mentions("\"subject\":\"audits/" + audit + "\"")).count())
                .isEqualTo(1);
    }

    @Test
    void aSinkThatRejectsIsGivenUpAtOnceVisiblyAndCanBeRetried() throws InterruptedException {
        String digest = activeImage();
        long audit = violation(digest, "/bin/bash");
        Predicate<AlertReceiver.Received> ours = mentions("\"subject\":\"audits/" + audit + "\"");

        await("/reject", ours);
        JsonNode failed = awaitDelivery("it-reject", "FAILED", audit);
        Thread.sleep(1000);
        assertThat(RECEIVER.received("/reject").stream().filter(ours).count()).as("a 400 is not retried").isEqualTo(1);
        assertThat(failed.get("attempts").intValue()).isEqualTo(1);
        assertThat(failed.get("lastStatus").intValue()).isEqualTo(400);
        assertThat(failed.get("lastError").stringValue()).contains("rejected by the sink: HTTP 400");
        assertThat(api().get("/actuator/prometheus").raw().body()).containsPattern("habitus_alerts_failed_total\\{[^}]*sink=\"it-reject\"[^}]*} [1-9]");

        long id = failed.get("id").longValue();
        Api.Reply retried = api().post("/api/v1/alerts/deliveries/" + id + "/retry", "");
        assertThat(retried.status()).as(retried.raw().body()).isEqualTo(200);
        assertThat(retried.json().get("attempts").intValue()).isZero();
        awaitCount("/reject", ours, 2);
        awaitDelivery("it-reject", "FAILED", audit);

        JsonNode delivered = awaitDelivery("it-hook", "DELIVERED", audit);
        assertThat(api().post("/api/v1/alerts/deliveries/" + delivered.get("id").longValue() + "/retry", "").status())
                .as("only a FAILED delivery can be retried").isEqualTo(409);
        assertThat(api().post("/api/v1/alerts/deliveries/987654321/retry", "").status()).isEqualTo(404);
    }

    @Test
    void aFailingSinkIsRetriedWithBackoffUntilItAccepts() throws InterruptedException {
        String digest = activeImage();
        long audit = violation(digest, "/usr/bin/perl");
        Predicate<AlertReceiver.Received> ours = mentions("\"subject\":\"audits/" + audit + "\"");

        JsonNode delivered = awaitDelivery("it-flaky", "DELIVERED", audit);

        List<AlertReceiver.Received> attempts = RECEIVER.received("/flaky").stream().filter(ours).toList();
        // The sink answers 503, 503, 200 in turn to every request it gets, this class's other alerts'
        // included, so this audit's first attempt may fall on a 200 (seen on a loaded machine): the
        // retries are checked over the sink's requests, the backoff over this audit's own attempts.
        assertThat(attempts).extracting(AlertReceiver.Received::status).endsWith(200);
        assertThat(RECEIVER.received("/flaky")).extracting(AlertReceiver.Received::status).contains(503);
        assertThat(delivered.get("attempts").intValue()).isEqualTo(attempts.size());
        for (int i = 1; i < attempts.size(); i++) {
            assertThat(Duration.between(attempts.get(i - 1).at(), attempts.get(i).at()))
                    .as("attempt %d waited for the backoff (300 ms at least), not for Retry-After: 0", i + 1)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(250));
        }
    }

    @Test
    void adminsSeeTheSinksAndTheirBacklogButNeitherUrlPathsNorSecrets() {
        Api.Reply sinks = api().get("/api/v1/alerts/sinks");
        assertThat(sinks.status()).isEqualTo(200);
        assertThat(sinks.json()).hasSize(6);
        JsonNode slack = sinks.json().get(1);
        assertThat(slack.get("name").stringValue()).isEqualTo("it-slack");
        assertThat(slack.get("type").stringValue()).isEqualTo("SLACK");
        assertThat(slack.get("target").stringValue()).isEqualTo(RECEIVER.url(""));
        assertThat(sinks.json().get(0).get("signed").booleanValue()).isTrue();
        assertThat(sinks.json().get(0).get("maxBatchSize").intValue()).isEqualTo(5);
        assertThat(sinks.raw().body()).doesNotContain("slack-secret-path", SECRET);

        String prometheus = api().get("/actuator/prometheus").raw().body();
        assertThat(prometheus).contains("habitus_alerts_pending{", "sink=\"it-hook\"").doesNotContain("slack-secret-path");
        assertThat(api().get("/actuator/env").status()).isEqualTo(404);
        assertThat(api().get("/actuator/configprops").status()).isEqualTo(404);

        String analyst = api().post("/api/v1/tokens", Api.json(Map.of("name", "alerts-analyst", "role", "ANALYST")))
                .json().get("secret").stringValue();
        assertThat(api(analyst).get("/api/v1/alerts/sinks").status()).isEqualTo(403);
    }

    @Test
    void dryRunIncidentsAreRecordedButNotAlerted() throws InterruptedException {
        String digest = learnedImageWithDetector();
        String container = Events.newId("web");
        Instant t = Instant.now().minusSeconds(400);
        List<Map<String, Object>> events = new ArrayList<>(NginxTraffic.rounds(digest, container, t, 3));
        events.add(NginxTraffic.exec(digest, container, "/usr/bin/curl", NGINX, 90, t.plusSeconds(102)));
        JsonNode results = api().post("/api/v1/score?commit=true", Api.json(Map.of("events", events))).json().get("results");
        JsonNode incident = results.get(results.size() - 1).get("container").get("incident");
        assertThat(incident.get("dryRun").booleanValue()).isTrue();
        long audit = api().get("/api/v1/audits?container=" + container).json().get("items").get(0).get("id").longValue();

        await("/hook", mentions("\"subject\":\"audits/" + audit + "\""));
        Thread.sleep(1000);
        assertThat(RECEIVER.received("/hook").stream().filter(mentions("\"subject\":\"incidents/" + incident.get("id").longValue() + "\"")))
                .as("the dry-run incident").isEmpty();
    }

    @Test
    void theAuditsOfOneCommitAreOneDeliveryPerSinkCutIntoRequestsOfTheSinksBatchSize() throws InterruptedException {
        String digest = activeImage();
        String container = Events.newId("web");
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            events.add(NginxTraffic.exec(digest, container, "/tmp/.x/tool" + i, NGINX, 80 + i, Instant.now().minusSeconds(9 - i)));
        }
        post(events);
        List<Long> audits = new ArrayList<>();
        api().get("/api/v1/audits?container=" + container).json().get("items").forEach(a -> audits.add(a.get("id").longValue()));
        assertThat(audits).hasSize(7);

        JsonNode delivery = awaitDelivery("it-hook", "DELIVERED", audits.getFirst());
        assertThat(delivery.get("alerts")).hasSize(7);
        assertThat(delivery.get("alertType").stringValue()).isEqualTo(Alert.AUDIT_OPENED);
        assertThat(delivery.get("severity").stringValue()).isEqualTo("HIGH");
        List<String> ids = new ArrayList<>();
        delivery.get("alerts").forEach(a -> ids.add(a.get("id").stringValue()));
        assertThat(ids).doesNotHaveDuplicates();
        List<AlertReceiver.Received> requests = RECEIVER.received("/hook").stream()
                .filter(r -> ids.stream().anyMatch(r.text()::contains)).toList();
        assertThat(requests).as("7 alerts at most 5 per request").hasSize(2);
        assertThat(requests).allSatisfy(r -> assertThat(JSON.readTree(r.body()).get("alerts").size()).isLessThanOrEqualTo(5));
        for (String id : ids) {
            assertThat(requests.stream().filter(r -> r.text().contains(id))).as("alert " + id).hasSize(1);
        }
        for (long audit : audits) {
            assertThat(awaitDelivery("it-hook", "DELIVERED", audit).get("id")).isEqualTo(delivery.get("id"));
        }
    }

    /** A new image whose learning ended at once: its profile judges from now on (no model needed for violations). */
    private String activeImage() {
        String digest = Events.newDigest();
        post(Events.mixed(digest, Events.newId("learn"), "node-a", 12));
        Api.Reply finished = api().post("/api/v1/images/" + digest + "/learning", Api.json(Map.of("action", "FINISH")));
        assertThat(finished.status()).as(finished.raw().body()).isEqualTo(200);
        return digest;
    }

    private String learnedImageWithDetector() throws InterruptedException {
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

    /** Posts a violating exec from nginx in a new container; answers the audit it opened. */
    private long violation(String digest, String exe) {
        String container = Events.newId("web");
        post(List.of(NginxTraffic.exec(digest, container, exe, NGINX, 77, Instant.now().minusSeconds(5))));
        JsonNode audits = api().get("/api/v1/audits?container=" + container).json().get("items");
        assertThat(audits).hasSize(1);
        return audits.get(0).get("id").longValue();
    }

    private void post(List<Map<String, Object>> events) {
        Api.Reply reply = api().post("/api/v1/events", Api.json(Events.batch(Events.newId("alerts"), events)));
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
    }

    private static Predicate<AlertReceiver.Received> mentions(String text) {
        return r -> r.text().contains(text);
    }

    private static JsonNode alertOf(JsonNode alerts, String subject) {
        for (JsonNode alert : alerts) {
            if (alert.get("subject").stringValue().equals(subject)) {
                return alert;
            }
        }
        throw new AssertionError("no alert about " + subject + " in " + alerts);
    }

    static AlertReceiver.Received await(String path, Predicate<AlertReceiver.Received> which) throws InterruptedException {
        return awaitCount(path, which, 1).getFirst();
    }

    static List<AlertReceiver.Received> awaitCount(String path, Predicate<AlertReceiver.Received> which, int count)
            throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            List<AlertReceiver.Received> found = RECEIVER.received(path).stream().filter(which).toList();
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " did not receive " + count + " matching requests; it received "
                + RECEIVER.received(path).size());
    }

    private JsonNode awaitDelivery(String sink, String state, long audit) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            for (JsonNode d : api().get("/api/v1/alerts/deliveries?sink=" + sink + "&limit=500").json().get("deliveries")) {
                for (JsonNode queued : d.get("alerts")) {
                    if (queued.get("alert").get("subject").stringValue().equals("audits/" + audit)
                            && d.get("state").stringValue().equals(state)) {
                        return d;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + state + " delivery of audit " + audit + " for " + sink);
    }
}
