package io.habitus.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.habitus.alert.persistence.DeliveryStore;
import io.habitus.audit.OpenedAudit;
import io.habitus.shared.Verdict;
import io.habitus.support.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The alert module on its own (Spring Modulith bootstraps only it and the shared kernel): the audits
 * a transaction opened become, in that transaction, one delivery per sink that takes any of them,
 * carrying the audits that sink takes; queueing the same audits twice queues nothing more; a rolled
 * back transaction leaves no delivery behind.
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

    @Autowired
    AlertOutbox outbox;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void newAuditsBecomeDeliveriesForTheSinksThatTakeThemInTheirTransaction() {
        long violation = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        List<OpenedAudit> opened = List.of(audit(violation, Verdict.VIOLATION), audit(violation + 1, Verdict.ANOMALOUS));

        transaction.executeWithoutResult(status -> outbox.queue(opened, List.of()));

        assertThat(keys(violation)).containsExactlyInAnyOrder(
                "module-all audits:" + violation + " audits/" + violation + ",audits/" + (violation + 1),
                "module-high audits:" + violation + " audits/" + violation);
        transaction.executeWithoutResult(status -> outbox.queue(opened, List.of()));
        assertThat(keys(violation)).as("queued once").hasSize(2);
    }

    @Test
    void aRolledBackTransactionQueuesNothing() {
        long violation = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);

        transaction.executeWithoutResult(status -> {
            outbox.queue(List.of(audit(violation, Verdict.VIOLATION)), List.of());
            status.setRollbackOnly();
        });

        assertThat(keys(violation)).isEmpty();
    }

    @Test
    void queueingNeedsTheCallersTransaction() {
        assertThatThrownBy(() -> outbox.queue(List.of(audit(1, Verdict.VIOLATION)), List.of()))
                .isInstanceOf(IllegalTransactionStateException.class);
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
}
