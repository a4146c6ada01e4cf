package io.habitus.alert.sink;

import static io.habitus.alert.TestAlerts.incident;
import static io.habitus.alert.TestAlerts.properties;
import static io.habitus.alert.TestAlerts.sink;
import static io.habitus.alert.TestAlerts.violation;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import io.habitus.alert.AlertSink;
import io.habitus.alert.SinkType;
import io.habitus.support.JsonSchemas;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What each kind of sink receives, checked against its receiver's own schema where one is published. */
class SinkFormatsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-12-06T10:02:03Z");
    private static final String LINK = "https://habitus.example.com/api/v1/audits/17";

    private static List<Delivery> deliveries(int n) {
        List<Delivery> deliveries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            deliveries.add(new Delivery(i + 1, UUID.nameUUIDFromBytes(new byte[] {(byte) i}),
                    i % 2 == 0 ? violation(17 + i, LINK) : incident(40 + i, "/api/v1/incidents/" + (40 + i))));
        }
        return deliveries;
    }

    @Test
    void theWebhookSendsEachAlertWithItsDeliveryIdAndSignsTimestampAndBody() {
        AlertSink signed = sink("hook", SinkType.WEBHOOK, "s3cret", null, DataSize.ofMegabytes(1));
        List<Delivery> batch = deliveries(3);

        List<SinkRequest> requests = new WebhookFormat(JSON).requests(signed, batch, NOW);

        assertThat(requests).hasSize(1);
        SinkRequest request = requests.getFirst();
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("alerts")).hasSize(3);
        JsonNode first = body.get("alerts").get(0);
        assertThat(first.get("id").stringValue()).isEqualTo(batch.getFirst().deliveryId().toString());
        assertThat(first.get("type").stringValue()).isEqualTo("io.habitus.audit.opened");
        assertThat(first.get("severity").stringValue()).isEqualTo("HIGH");
        assertThat(first.get("time").stringValue()).isEqualTo("2026-12-06T10:00:00Z");
        assertThat(first.get("audit").get("id").longValue()).isEqualTo(17);
        assertThat(first.get("container").get("namespace").stringValue()).isEqualTo("web");
        assertThat(body.get("alerts").get(1).get("incident").get("change").stringValue()).isEqualTo("OPENED");
        assertThat(request.contentType().toString()).isEqualTo("application/json");

        String signature = request.headers().getFirst(Signature.HEADER);
        assertThat(signature).startsWith("t=" + NOW.getEpochSecond() + ",v1=");
        assertThat(Signature.verify("s3cret", signature, request.body(), NOW.getEpochSecond() + 60, 300)).isTrue();
        assertThat(Signature.verify("wrong", signature, request.body(), NOW.getEpochSecond(), 300)).isFalse();
        byte[] tampered = new String(request.body(), StandardCharsets.UTF_8).replace("HIGH", "LOW").getBytes(StandardCharsets.UTF_8);
        assertThat(Signature.verify("s3cret", signature, tampered, NOW.getEpochSecond(), 300)).isFalse();
        assertThat(Signature.verify("s3cret", signature, request.body(), NOW.getEpochSecond() + 301, 300))
                .as("a replay outside the window").isFalse();
        assertThat(request.headers().getFirst(WebhookFormat.DELIVERY_HEADER))
                .as("the same set of alerts has the same id on a retry")
                .isEqualTo(new WebhookFormat(JSON).requests(signed, batch, NOW.plusSeconds(30)).getFirst().headers()
                        .getFirst(WebhookFormat.DELIVERY_HEADER));
    }

    @Test
    void anUnsignedWebhookHasNoSignatureAndASingleAlertCarriesItsOwnDeliveryId() {
        List<Delivery> one = deliveries(1);
        SinkRequest request = new WebhookFormat(JSON).requests(sink("hook", SinkType.WEBHOOK, null, null,
                DataSize.ofMegabytes(1)), one, NOW).getFirst();

        assertThat(request.headers().containsHeader(Signature.HEADER)).isFalse();
        assertThat(request.headers().getFirst(WebhookFormat.DELIVERY_HEADER)).isEqualTo(one.getFirst().deliveryId().toString());
    }

    @Test
    void batchesRespectTheBatchSizeAndAreSplitUntilTheyFitTheBodyBound() {
        WebhookFormat format = new WebhookFormat(JSON);
        List<Delivery> seven = deliveries(7);

        assertThat(format.requests(sink("hook", SinkType.WEBHOOK, null, 3, DataSize.ofMegabytes(1)), seven, NOW))
                .extracting(r -> r.deliveries().size()).containsExactly(3, 3, 1);

        int oneAlert = format.requests(sink("hook", SinkType.WEBHOOK, null, 1, DataSize.ofMegabytes(1)), seven, NOW)
                .stream().mapToInt(r -> r.body().length).max().orElseThrow();
        List<SinkRequest> bounded = format.requests(sink("hook", SinkType.WEBHOOK, null, 7,
                DataSize.ofBytes(oneAlert * 2L + 40)), seven, NOW);
        assertThat(bounded).allSatisfy(r -> assertThat(r.body().length).isLessThanOrEqualTo(oneAlert * 2 + 40));
        assertThat(bounded.stream().mapToInt(r -> r.deliveries().size()).sum()).isEqualTo(7);
        assertThat(bounded).noneMatch(SinkRequest::oversized);

        List<SinkRequest> tooSmall = format.requests(sink("hook", SinkType.WEBHOOK, null, 7, DataSize.ofBytes(100)), seven, NOW);
        assertThat(tooSmall).hasSize(7).allMatch(SinkRequest::oversized);
    }

    @Test
    void slackGetsTextAndOneEscapedSectionPerAlertWithALink() {
        SinkRequest request = new SlackFormat(JSON).requests(sink("slack", SinkType.SLACK, null, null, DataSize.ofMegabytes(1)),
                deliveries(2), NOW).getFirst();

        JsonNode message = JSON.readTree(request.body());
        assertThat(message.get("text").stringValue()).startsWith("Habitus: 2 alerts, first: VIOLATION in nginx:1.27");
        assertThat(message.get("blocks")).hasSize(2);
        JsonNode section = message.get("blocks").get(0);
        assertThat(section.get("type").stringValue()).isEqualTo("section");
        assertThat(section.get("text").get("type").stringValue()).isEqualTo("mrkdwn");
        String text = section.get("text").get("text").stringValue();
        assertThat(text).startsWith("*HIGH* VIOLATION in nginx:1.27")
                .contains("&lt;b&gt;&amp;&lt;/b&gt;", "<" + LINK + "|audits/17>")
                .doesNotContain("<b>");
        assertThat(message.get("blocks").get(1).get("text").get("text").stringValue())
                .as("without public-url the path is shown, not linked").endsWith("/api/v1/incidents/41");
    }

    @Test
    void alertmanagerGetsPostableAlertsValidAgainstItsApiSchema() {
        SinkRequest request = new AlertmanagerFormat(JSON).requests(sink("am", SinkType.ALERTMANAGER, null, null,
                DataSize.ofMegabytes(1)), deliveries(4), NOW).getFirst();

        JsonNode alerts = JSON.readTree(request.body());
        assertThat(JsonSchemas.violations("/alerts/alertmanager-postable-alerts.schema.json", alerts)).isEmpty();
        assertThat(alerts).hasSize(4);
        JsonNode deviation = alerts.get(0);
        assertThat(deviation.get("labels").get("alertname").stringValue()).isEqualTo("HabitusDeviation");
        assertThat(deviation.get("labels").get("severity").stringValue()).isEqualTo("critical");
        assertThat(deviation.get("labels").get("image").stringValue()).isEqualTo("nginx:1.27");
        assertThat(deviation.get("labels").get("container").stringValue()).isEqualTo("3f9c2a7d5e1b");
        assertThat(deviation.get("labels").get("namespace").stringValue()).isEqualTo("web");
        assertThat(deviation.get("labels").get("pod").stringValue()).isEqualTo("nginx-7d9f");
        assertThat(deviation.get("labels").get("audit_id").stringValue()).isEqualTo("17");
        assertThat(deviation.get("annotations").get("summary").stringValue()).startsWith("VIOLATION in nginx:1.27");
        assertThat(deviation.get("annotations").has("description")).isTrue();
        assertThat(deviation.get("startsAt").stringValue()).isEqualTo("2026-12-06T10:00:00Z");
        assertThat(deviation.get("generatorURL").stringValue()).isEqualTo(LINK);
        assertThat(deviation.has("endsAt")).isFalse();
        JsonNode incident = alerts.get(1);
        assertThat(incident.get("labels").get("alertname").stringValue()).isEqualTo("HabitusIncident");
        assertThat(incident.get("labels").get("severity").stringValue()).isEqualTo("warning");
        assertThat(incident.get("labels").has("namespace")).as("unknown labels are left out, not empty").isFalse();
        assertThat(incident.has("generatorURL")).as("only absolute links").isFalse();
    }

    @Test
    void cloudEventsAreStructuredEventsWithTheRequiredAttributesAndTheAlertAsData() {
        AlertSink single = sink("ce", SinkType.CLOUDEVENTS, "s3cret", null, DataSize.ofMegabytes(1));
        CloudEventsFormat format = new CloudEventsFormat(JSON, properties(URI.create("https://habitus.example.com"), single));
        List<Delivery> two = deliveries(2);

        List<SinkRequest> requests = format.requests(single, two, NOW);

        assertThat(requests).hasSize(2);
        SinkRequest request = requests.getFirst();
        assertThat(request.contentType().toString()).isEqualTo("application/cloudevents+json");
        JsonNode event = JSON.readTree(request.body());
        assertThat(JsonSchemas.violations("/alerts/cloudevents.schema.json", event)).isEmpty();
        CloudEvent parsed = new JsonFormat().deserialize(request.body());
        assertThat(parsed.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(parsed.getId()).isEqualTo(two.getFirst().deliveryId().toString());
        assertThat(parsed.getSource()).isEqualTo(URI.create("https://habitus.example.com"));
        assertThat(parsed.getType()).isEqualTo("io.habitus.audit.opened");
        assertThat(parsed.getSubject()).isEqualTo("audits/17");
        assertThat(parsed.getTime().toInstant()).isEqualTo(Instant.parse("2026-12-06T10:00:00Z"));
        assertThat(parsed.getDataContentType()).isEqualTo("application/json");
        assertThat(parsed.getExtension("severity")).isEqualTo("HIGH");
        assertThat(event.get("data").get("audit").get("id").longValue()).as("data is JSON, not base64").isEqualTo(17);
        assertThat(Signature.verify("s3cret", request.headers().getFirst(Signature.HEADER), request.body(),
                NOW.getEpochSecond(), 300)).isTrue();
        assertThat(new JsonFormat().deserialize(requests.get(1).body()).getType()).isEqualTo("io.habitus.incident.opened");
    }

    @Test
    void cloudEventsBatchModeSendsAnArrayOfEvents() {
        AlertSink batched = sink("ce", SinkType.CLOUDEVENTS, null, 10, DataSize.ofMegabytes(1));
        CloudEventsFormat format = new CloudEventsFormat(JSON, properties(null, batched));

        SinkRequest request = format.requests(batched, deliveries(3), NOW).getFirst();

        assertThat(request.contentType().toString()).isEqualTo("application/cloudevents-batch+json");
        JsonNode events = JSON.readTree(request.body());
        assertThat(events).hasSize(3);
        for (JsonNode event : events) {
            assertThat(JsonSchemas.violations("/alerts/cloudevents.schema.json", event)).isEmpty();
            assertThat(event.get("source").stringValue()).isEqualTo("/habitus");
        }
    }

    @Test
    void theReceiversSchemasRefuseWhatTheirReceiversRefuse() {
        assertThat(JsonSchemas.violations("/alerts/alertmanager-postable-alerts.schema.json",
                JSON.readTree("[{\"labels\": {\"bad-name\": \"x\", \"empty\": \"\"}}, {\"annotations\": {}}]"))).hasSize(3);
        assertThat(JsonSchemas.violations("/alerts/cloudevents.schema.json",
                JSON.readTree("{\"specversion\": \"1.0\", \"type\": \"t\", \"source\": \"/s\", \"time\": \"yesterday\"}")))
                .hasSize(2);
    }
}
