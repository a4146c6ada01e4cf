package io.habitus.sensor;

import static io.habitus.sensor.SensorRecords.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.sensor.falco.FalcoTranslator;
import io.habitus.sensor.internal.Translation;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Falco's alerts onto Habitus events: the alerts of docker/falco/habitus-rules.yaml, other rules and sources. */
class FalcoTranslatorTests {

    private final FalcoTranslator translator = new FalcoTranslator();

    @Test
    void everyAlertBecomesItsTokenOrASkipWithItsReason() {
        List<String> outcomes = SensorRecords.fixture("falco/alerts.jsonl").stream()
                .map(a -> outcome(translator.translate(a))).toList();

        assertThat(outcomes).containsExactly(
                "exec /usr/sbin/nginx <- /docker-entrypoint.sh",
                "read /etc/nginx/nginx.conf",
                "write /var/log/nginx/error.log",
                "connect tcp/5432",
                "accept tcp/80",
                "listen tcp/80",
                "skip host-process",
                "skip no-image-digest docker.io/library/busybox",
                "skip missing-fields Terminal shell in container: proc.exepath",
                "skip unsupported-kind source k8s_audit",
                "skip unsupported-kind ptrace");
    }

    @Test
    void anExecCarriesTheFullContainerIdImageAndProcess() {
        JsonNode event = mapped(SensorRecords.fixture("falco/alerts.jsonl").getFirst());

        assertThat(event.at("/container/id").stringValue()).isEqualTo("4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e");
        assertThat(event.at("/container/image").stringValue()).isEqualTo("docker.io/library/nginx:1.27");
        assertThat(event.at("/container/imageDigest").stringValue())
                .isEqualTo("sha256:0e1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a7f8e9d0c1b2a3f4e5d6c7b8a9f0e1d");
        assertThat(event.at("/container/node").stringValue()).isEqualTo("worker-2");
        assertThat(event.at("/container/namespace").stringValue()).isEqualTo("shop");
        assertThat(event.at("/container/pod").stringValue()).isEqualTo("web-6d8f9c7b5-z9p2m");
        assertThat(event.at("/process/pid").longValue()).isEqualTo(4101);
        assertThat(event.at("/process/ppid").longValue()).isEqualTo(4100);
        assertThat(event.at("/process/parentExe").stringValue()).isEqualTo("/docker-entrypoint.sh");
        assertThat(event.at("/process/args").valueStream().map(JsonNode::stringValue)).containsExactly("-g", "daemon", "off;");
        assertThat(event.at("/time").stringValue()).isEqualTo("2026-01-10T09:01:01.987654321Z");
    }

    @Test
    void portsFollowFalcosServerView() {
        List<JsonNode> alerts = SensorRecords.fixture("falco/alerts.jsonl");

        assertThat(mapped(alerts.get(3)).at("/network/address").stringValue()).as("connect: the server").isEqualTo("10.96.14.2");
        assertThat(mapped(alerts.get(4)).at("/network/address").stringValue()).as("accept: the client").isEqualTo("10.244.3.9");
        assertThat(mapped(alerts.get(4)).at("/network/port").intValue()).as("accept: the local service port").isEqualTo(80);
    }

    @Test
    void aFalcosidekickWebhookPostIsOneAlert() {
        JsonNode post = SensorRecords.JSON.readTree(SensorRecords.fixtureText("falco/falcosidekick-webhook.json"));

        assertThat(outcome(translator.translate(post))).isEqualTo("exec /usr/bin/curl <- /bin/sh");
    }

    @Test
    void alertsWithoutFieldsAreSkippedNotThrown() {
        for (String json : List.of("{}", "{\"output_fields\":5}", "{\"output_fields\":{}}",
                "{\"output_fields\":{\"evt.type\":\"execve\"}}",
                "{\"output_fields\":{\"evt.type\":\"openat\",\"container.id\":\"abc\",\"container.image.digest\":\"sha256:"
                        + "b".repeat(64) + "\",\"proc.exepath\":\"/bin/cat\"}}",
                "{\"output_fields\":{\"evt.type\":\"connect\",\"container.id\":\"abc\",\"container.image.digest\":\"sha256:"
                        + "b".repeat(64) + "\",\"proc.exepath\":\"/bin/cat\",\"fd.sport\":\"<NA>\"}}")) {
            assertThat(translator.translate(SensorRecords.JSON.readTree(json))).as(json).isInstanceOf(Translation.Skipped.class);
        }
    }

    private JsonNode mapped(JsonNode alert) {
        Translation translation = translator.translate(alert);
        assertThat(translation).isInstanceOf(Translation.Mapped.class);
        return ((Translation.Mapped) translation).event();
    }
}
