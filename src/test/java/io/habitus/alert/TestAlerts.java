package io.habitus.alert;

import io.habitus.incident.IncidentTrigger;
import io.habitus.incident.Severity;
import io.habitus.shared.Verdict;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.springframework.util.unit.DataSize;

/** Sinks and alerts for tests that need no Spring context. */
public final class TestAlerts {

    private TestAlerts() {}

    public static AlertSink sink(String name, SinkType type, String secret, Integer batchSize, DataSize maxBody) {
        return new AlertSink(name, type, URI.create("https://hooks.example.com/services/T0/B0/secret-path"), secret,
                EnumSet.allOf(AlertKind.class), Severity.LOW, batchSize, maxBody, Duration.ofSeconds(2),
                Duration.ofSeconds(10), 20, Duration.ofHours(24), Duration.ofSeconds(1), Duration.ofMinutes(5), 2.0, 0.5);
    }

    public static AlertProperties properties(URI publicUrl, AlertSink... sinks) {
        return new AlertProperties(publicUrl, Duration.ofMillis(500), Duration.ofSeconds(60), Duration.ofDays(7),
                Duration.ofDays(30), List.of(sinks));
    }

    public static Alert violation(long auditId, String resource) {
        return new Alert(Alert.AUDIT_OPENED, "audits/" + auditId, Severity.HIGH, Instant.parse("2026-12-06T10:00:00Z"),
                "VIOLATION in nginx:1.27 (sha256:4c1e9d0b5f2), container 3f9c: process /bin/sh <- /usr/sbin/nginx",
                "binary /bin/sh (started by /usr/sbin/nginx) is not in the profile <b>&</b> (profile version 2); pod web/nginx-7d9f",
                new Alert.Image("sha256:" + "4c1e9d0b5f2a7e3c".repeat(4), "nginx:1.27"),
                new Alert.Container("3f9c2a7d5e1b", "node-a", "web", "nginx-7d9f", "prod-eu"), resource,
                new Alert.AuditFacts(auditId, Verdict.VIOLATION, "PROCESS", "/bin/sh <- /usr/sbin/nginx",
                        "/bin/sh <- /usr/sbin/nginx", "binary /bin/sh (started by /usr/sbin/nginx) is not in the profile", 2,
                        null, null, null),
                null);
    }

    public static Alert incident(long incidentId, String resource) {
        return new Alert(Alert.INCIDENT_OPENED, "incidents/" + incidentId, Severity.MEDIUM,
                Instant.parse("2026-12-06T10:01:00Z"), "Incident " + incidentId + " opened (MEDIUM) in nginx:1.27",
                "risk 2.50 after 41 events (3 novel), opened by novel sequences", new Alert.Image("sha256:" + "ab".repeat(32), null),
                new Alert.Container("c-1", null, null, null, null), resource, null,
                new Alert.IncidentFacts(incidentId, "OPENED", null, 2.5, 41, 3, false, IncidentTrigger.SEQUENCES,
                        "exec /usr/bin/curl <- /usr/sbin/nginx",
                        "/usr/sbin/nginx: exec /usr/bin/curl <- /usr/sbin/nginx", Instant.parse("2026-12-06T10:00:30Z")));
    }
}
