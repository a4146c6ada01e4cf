package io.habitus.alert;

import static io.habitus.support.NginxTraffic.NGINX;
import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.support.AlertReceiver;
import io.habitus.support.Api;
import io.habitus.support.Events;
import io.habitus.support.NginxTraffic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Incidents out of their dry run are alerted when they open and when their severity rises, once each. */
class IncidentAlertTests extends LiveSinksTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anIncidentIsAlertedWhenItOpensAndAgainWhenItsSeverityRises() throws InterruptedException {
        String digest = learnedImageWithDetector();
        String container = Events.newId("web");
        Instant t = Instant.now().minusSeconds(400);
        List<Map<String, Object>> odd = new ArrayList<>(NginxTraffic.rounds(digest, container, t, 3));
        odd.add(NginxTraffic.file(digest, container, "file.read", "/etc/logrotate.conf", t.plusSeconds(100)));
        odd.add(NginxTraffic.file(digest, container, "file.write", "/var/log/nginx/access.log", t.plusSeconds(101)));
        JsonNode first = committed(odd);
        JsonNode opened = first.get(first.size() - 1).get("container").get("incident");
        assertThat(opened.get("severity").stringValue()).as("allowed tokens in an order never seen: evidence just above "
                + "the threshold").isEqualTo("LOW");

        JsonNode second = committed(List.of(NginxTraffic.exec(digest, container, "/usr/bin/curl", NGINX, 90, t.plusSeconds(102))));
        JsonNode incident = second.get(0).get("container").get("incident");
        assertThat(incident.get("dryRun").booleanValue()).isFalse();
        assertThat(incident.get("severity").stringValue()).isEqualTo("HIGH");
        long id = incident.get("id").longValue();

        assertThat(id).isEqualTo(opened.get("id").longValue());

        List<JsonNode> alerts = awaitAlerts("incidents/" + id, 2);
        JsonNode openedAlert = alerts.getFirst();
        assertThat(openedAlert.get("type").stringValue()).isEqualTo("io.habitus.incident.opened");
        assertThat(openedAlert.get("severity").stringValue()).isEqualTo("LOW");
        assertThat(openedAlert.get("incident").get("id").longValue()).isEqualTo(id);
        assertThat(openedAlert.get("incident").get("risk").doubleValue()).isGreaterThan(1.0);
        assertThat(openedAlert.get("incident").get("openedBy").stringValue()).isEqualTo("SEQUENCES");
        assertThat(openedAlert.get("description").stringValue()).contains("opened by novel sequences");
        assertThat(openedAlert.get("resource").stringValue()).as("no public-url here: the API path").isEqualTo("/api/v1/incidents/" + id);
        JsonNode raised = alerts.get(1);
        assertThat(raised.get("type").stringValue()).isEqualTo("io.habitus.incident.severity-raised");
        assertThat(raised.get("severity").stringValue()).isEqualTo("HIGH");
        assertThat(raised.get("incident").get("previousSeverity").stringValue()).isEqualTo("LOW");
        assertThat(raised.get("incident").get("violation").booleanValue()).isTrue();
        assertThat(raised.get("incident").get("openedBy").stringValue()).as("what opened it, still").isEqualTo("SEQUENCES");
        assertThat(raised.get("summary").stringValue()).contains("raised from LOW to HIGH");

        committed(List.of(NginxTraffic.exec(digest, container, "/usr/bin/wget", NGINX, 91, t.plusSeconds(110))));
        Thread.sleep(1000);
        assertThat(alertsAbout("incidents/" + id)).as("growing at the same severity alerts nothing").hasSize(alerts.size());
    }

    private JsonNode committed(List<Map<String, Object>> events) {
        Api.Reply reply = api().post("/api/v1/score?commit=true", Api.json(Map.of("events", events)));
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        return reply.json().get("results");
    }

    private static List<JsonNode> alertsAbout(String subject) {
        List<JsonNode> found = new ArrayList<>();
        for (AlertReceiver.Received r : RECEIVER.received("/live")) {
            for (JsonNode alert : JSON.readTree(r.body()).get("alerts")) {
                if (alert.get("subject").stringValue().equals(subject)) {
                    found.add(alert);
                }
            }
        }
        return found;
    }

    private static List<JsonNode> awaitAlerts(String subject, int count) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            List<JsonNode> found = alertsAbout(subject);
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("fewer than " + count + " alerts about " + subject + ": " + alertsAbout(subject));
    }
}
