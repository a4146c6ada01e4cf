package io.habitus.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.alert.persistence.DeliveryStore;
import io.habitus.audit.AuditsOpened;
import io.habitus.audit.OpenedAudit;
import io.habitus.shared.Verdict;
import io.habitus.support.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The alert module on its own (Spring Modulith bootstraps only it and the shared kernel): an
 * {@link AuditsOpened} published in a transaction becomes, after the commit, one delivery per sink
 * that takes any of its audits, carrying the audits that sink takes, and the same event handled twice
 * (at least once) queues nothing more.
 */
@ApplicationModuleTest(extraIncludes = "shared")
class AlertModuleTests {

    @DynamicPropertySource
    static void sinks(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        // Nothing listens there: deliveries stay pending, which is what this test looks at.
        registry.add("habitus.alerts.poll-interval", () -> "1h");
        registry.add("habitus.alerts.sinks[0].name", () -> "module-all");
        registry.add("habitus.alerts.sinks[0].type", () -> "WEBHOOK");
        registry.add("habitus.alerts.sinks[0].url", () -> "http://127.0.0.1:9/all");
        registry.add("habitus.alerts.sinks[1].name", () -> "module-high");
        registry.add("habitus.alerts.sinks[1].type", () -> "ALERTMANAGER");
        registry.add("habitus.alerts.sinks[1].url", () -> "http://127.0.0.1:9/high");
        registry.add("habitus.alerts.sinks[1].min-severity", () -> "HIGH");
        registry.add("habitus.alerts.sinks[2].name", () -> "module-incidents");
        registry.add("habitus.alerts.sinks[2].type", () -> "SLACK");
        registry.add("habitus.alerts.sinks[2].url", () -> "http://127.0.0.1:9/incidents");
        registry.add("habitus.alerts.sinks[2].takes", () -> "INCIDENTS");
    }

    @Autowired
    DeliveryStore deliveries;

    @Test
    void newAuditsBecomeDeliveriesForTheSinksThatTakeThemAfterCommit(Scenario scenario) {
        long violation = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        AuditsOpened opened = new AuditsOpened(List.of(audit(violation, Verdict.VIOLATION), audit(violation + 1, Verdict.ANOMALOUS)));

        scenario.publish(opened)
                .andWaitForStateChange(() -> keys(violation), found -> found.size() == 2)
                .andVerify(found -> assertThat(found).containsExactlyInAnyOrder(
                        "module-all audits:" + violation + " audits/" + violation + ",audits/" + (violation + 1),
                        "module-high audits:" + violation + " audits/" + violation));

        scenario.publish(opened)
                .andWaitForStateChange(() -> eventPublicationsDone())
                .andVerify(done -> assertThat(keys(violation)).as("queued once").hasSize(2));
    }

    private static OpenedAudit audit(long id, Verdict verdict) {
        return new OpenedAudit(id, "sha256:" + "ab".repeat(32), "nginx:1.27", "c-module", "node-a", "web", "nginx-1",
                "prod-eu", verdict, verdict == Verdict.VIOLATION ? "PROCESS" : "TRANSITION", "/bin/sh <- /usr/sbin/nginx",
                null, "binary /bin/sh is not in the profile", Instant.now(), 1, null, null, null);
    }

    /** Each delivery of the audits opened with {@code first}: its sink, key and the subjects of its alerts. */
    private List<String> keys(long first) {
        return deliveries.find(null, "PENDING", null, 500).stream().filter(d -> d.alertKey().equals("audits:" + first))
                .map(d -> d.sink() + " " + d.alertKey() + " " + json.readValue(d.alertsJson(), QueuedAlert.LIST).stream()
                        .map(q -> q.alert().subject()).collect(java.util.stream.Collectors.joining(",")))
                .toList();
    }

    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private Boolean eventPublicationsDone() {
        Integer open = jdbc.queryForObject("select count(*) from event_publication where listener_id = 'alert.audits-opened'",
                Integer.class);
        return open != null && open == 0 ? Boolean.TRUE : null;
    }
}
