package io.habitus.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.sensor.falco.FalcoTranslator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.node.ObjectNode;

/**
 * The shipping recipes in docker/ and helm/ agree with what the endpoints read: the Falco rules
 * name every output field the mapping needs (an alert of each rule becomes a Habitus event), the
 * chart ships the same rules, and the Tetragon shippers post gzip ndjson batches within the limits.
 */
class ShippingRecipeTests {

    private static final Path RULES = Path.of("docker/falco/habitus-rules.yaml");
    private static final List<String> ALWAYS = List.of("evt.type", "container.id", "container.image.repository",
            "container.image.digest", "k8s.ns.name", "k8s.pod.name", "proc.pid", "proc.ppid", "proc.exepath",
            "proc.pexepath", "proc.cmdline");
    private static final Pattern FIELD = Pattern.compile("%([a-z0-9_.]+)");

    @Test
    void theChartShipsTheSameFalcoRules() throws IOException {
        assertThat(Files.readString(Path.of("helm/habitus/files/habitus-rules.yaml"))).isEqualTo(Files.readString(RULES));
    }

    @Test
    void everyHabitusRuleOutputsTheFieldsTheMappingNeedsAndItsAlertsBecomeEvents() throws IOException {
        List<Map<String, Object>> rules = habitusRules();
        assertThat(rules).extracting(r -> r.get("rule"))
                .containsExactly("Habitus exec", "Habitus exit", "Habitus file open", "Habitus connect", "Habitus accept", "Habitus listen");
        List<String> tokens = new ArrayList<>();
        for (Map<String, Object> rule : rules) {
            String output = (String) rule.get("output");
            List<String> fields = FIELD.matcher(output).results().map(m -> m.group(1)).distinct().toList();
            assertThat(fields).as(rule.get("rule") + " output").containsAll(ALWAYS);
            if (!List.of("Habitus exec", "Habitus exit").contains(rule.get("rule"))) {
                assertThat(fields).as(rule.get("rule") + " output").contains("fd.name");
            }
            tokens.add(SensorRecords.token(new FalcoTranslator().translate(alertOf(rule, fields))));
        }
        assertThat(tokens).containsExactly("exec /usr/bin/example <- /bin/sh", "exit /usr/bin/example", "read /etc/example.conf",
                "connect tcp/443", "accept tcp/443", "listen tcp/443");
    }

    @Test
    void vectorPostsGzipNdjsonLinesAsWrittenInBatchesWithinTheLimits() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> sink = (Map<String, Object>) ((Map<String, Object>) new Yaml()
                .<Map<String, Object>>load(Files.readString(Path.of("docker/sensors/vector-tetragon.yaml"))).get("sinks")).get("habitus");

        assertThat(sink).containsEntry("type", "http").containsEntry("compression", "gzip");
        assertThat((String) sink.get("uri")).endsWith("/api/v1/sensors/tetragon");
        assertThat(sink.get("encoding")).isEqualTo(Map.of("codec", "text"));
        assertThat(sink.get("framing")).isEqualTo(Map.of("method", "newline_delimited"));
        Map<?, ?> batch = (Map<?, ?>) sink.get("batch");
        assertThat((Integer) batch.get("max_events")).isLessThanOrEqualTo(10_000);
        assertThat((Integer) batch.get("max_bytes")).isLessThan(8 * 1024 * 1024);
        assertThat(((Map<?, ?>) ((Map<?, ?>) sink.get("request")).get("headers")).get("Content-Type")).isEqualTo("application/x-ndjson");
    }

    @Test
    void fluentBitPostsGzipJsonLinesWithoutAnAddedDate() throws IOException {
        String conf = Files.readString(Path.of("docker/sensors/fluent-bit-tetragon.conf"));

        assertThat(conf).containsPattern("URI\\s+/api/v1/sensors/tetragon").containsPattern("Format\\s+json_lines")
                .containsPattern("compress\\s+gzip").containsPattern("json_date_key\\s+false");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> habitusRules() throws IOException {
        List<Map<String, Object>> items = new Yaml().load(Files.readString(RULES));
        return items.stream().filter(i -> i.containsKey("rule")).toList();
    }

    /** An alert of the rule as Falco would write it: its output fields with plausible values. */
    private static ObjectNode alertOf(Map<String, Object> rule, List<String> fields) {
        Matcher type = Pattern.compile("evt.type (?:in \\(|= )([a-z0-9]+)").matcher((String) rule.get("condition"));
        assertThat(type.find()).as(rule.get("rule") + " names its event types").isTrue();
        ObjectNode alert = SensorRecords.JSON.createObjectNode();
        alert.put("rule", (String) rule.get("rule")).put("source", "syscall").put("hostname", "node-a")
                .put("priority", (String) rule.get("priority")).put("time", "2026-11-28T10:00:00.123456789Z");
        ObjectNode output = alert.putObject("output_fields");
        fields.forEach(f -> output.putNull(f));
        output.put("evt.type", type.group(1)).put("container.id", "3f9c2a7d5e1b")
                .put("container.image.repository", "docker.io/library/example").put("container.image.tag", "1.0")
                .put("container.image.digest", "sha256:" + "c".repeat(64)).put("k8s.ns.name", "ns").put("k8s.pod.name", "pod")
                .put("proc.pid", 10).put("proc.ppid", 1).put("proc.exepath", "/usr/bin/example").put("proc.pexepath", "/bin/sh")
                .put("proc.cmdline", "example --flag");
        if (fields.contains("fd.name")) {
            output.put("fd.name", type.group(1).startsWith("open") ? "/etc/example.conf" : "10.0.0.1:40000->10.0.0.2:443")
                    .put("evt.is_open_write", false);
        }
        if (fields.contains("fd.sport")) {
            output.put("fd.sport", 443).put("fd.l4proto", "tcp").put("fd.rip", "10.0.0.2");
        }
        return alert;
    }
}
