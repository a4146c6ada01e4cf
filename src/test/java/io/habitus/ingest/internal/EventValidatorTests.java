package io.habitus.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.ingest.IngestProperties;
import io.habitus.shared.FieldError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The validator on its own, without Spring: fixed clock, exact reasons. */
class EventValidatorTests {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final String DIGEST = "sha256:" + "ab".repeat(32);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventValidator validator = new EventValidator(
            new IngestProperties(10_000, 4096, 256, Duration.ofDays(30), Duration.ofHours(1), 3),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aCompleteEventOfEachTypeIsValid() {
        List<JsonNode> events = List.of(
                event("process.exec", ""),
                event("process.exit", ""),
                event("file.read", ",\"file\":{\"path\":\"/etc/hosts\"}"),
                event("file.write", ",\"file\":{\"path\":\"/tmp/x\"}"),
                event("network.connect", ",\"network\":{\"protocol\":\"tcp\",\"port\":5432}"),
                event("network.listen", ",\"network\":{\"protocol\":\"tcp\",\"port\":80}"),
                event("network.accept", ",\"network\":{\"protocol\":\"udp\",\"port\":53,\"address\":\"10.0.0.1\"}"),
                event("syscall", ",\"syscall\":{\"name\":\"ptrace\",\"nr\":101}"));

        ValidatedBatch batch = validator.validate(events, false);

        assertThat(batch.errors()).isEmpty();
        assertThat(batch.valid()).extracting(v -> v.event().type().wireName()).containsExactly("process.exec",
                "process.exit", "file.read", "file.write", "network.connect", "network.listen", "network.accept", "syscall");
    }

    @Test
    void theSectionATypeNeedsIsRequired() {
        assertThat(errors(event("network.connect", ""))).containsExactly(
                new FieldError(0, "network", "is required for events of type network.connect"));
        assertThat(errors(event("syscall", ""))).containsExactly(
                new FieldError(0, "syscall", "is required for events of type syscall"));
    }

    @Test
    void unknownFieldsAreIgnoredSoThatNewerAgentsAreAccepted() {
        assertThat(errors(JSON.readTree(event("process.exec", ",\"kernel\":{\"version\":\"6.8\"}").toString())))
                .isEmpty();
    }

    @Test
    void aNonObjectEventIsRefused() {
        assertThat(validator.validate(List.of(JSON.readTree("42")), false).errors())
                .containsExactly(new FieldError(0, "(event)", "must be a JSON object"));
    }

    @Test
    void theProcessExecutableIsRequired() {
        JsonNode event = JSON.readTree(event("process.exec", "").toString().replace("\"exe\":\"/usr/sbin/nginx\",", ""));
        assertThat(errors(event)).containsExactly(new FieldError(0, "process.exe", "must not be blank"));
    }

    @Property
    void eventTimesAreAcceptedExactlyInsideRetentionAndClockSkew(@ForAll @IntRange(min = -40 * 24, max = 48) int hoursFromNow) {
        Instant time = NOW.plus(Duration.ofHours(hoursFromNow));
        JsonNode event = JSON.readTree(event("process.exec", "").toString().replace(NOW.toString(), time.toString()));

        boolean inside = hoursFromNow >= -30 * 24 && hoursFromNow <= 1;

        assertThat(errors(event).isEmpty()).isEqualTo(inside);
    }

    private List<FieldError> errors(JsonNode event) {
        return validator.validate(List.of(event), false).errors();
    }

    private static JsonNode event(String type, String section) {
        return JSON.readTree("""
                {"time":"%s","type":"%s",
                 "container":{"id":"c1","imageDigest":"%s"},
                 "process":{"pid":7,"exe":"/usr/sbin/nginx","args":["nginx"]}%s}
                """.formatted(NOW, type, DIGEST, section));
    }
}
