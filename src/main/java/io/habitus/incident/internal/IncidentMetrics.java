package io.habitus.incident.internal;

import io.habitus.incident.IncidentTrigger;
import io.habitus.incident.Severity;
import io.habitus.incident.persistence.IncidentStore;
import io.habitus.shared.database.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The incident metrics: {@code habitus.incidents.opened} (incidents this replica opened, counted once
 * their transaction committed, by severity at opening, what opened them and whether in a dry run) and
 * {@code habitus.incidents.unresolved} (incidents OPEN or ACKNOWLEDGED, counted in the database every
 * half minute, so the same on every replica: the backlog people act on).
 */
@Component
public class IncidentMetrics {

    private static final Logger log = LoggerFactory.getLogger(IncidentMetrics.class);
    private static final List<IncidentStatus> UNRESOLVED = List.of(IncidentStatus.OPEN, IncidentStatus.ACKNOWLEDGED);

    private final MeterRegistry meters;
    private final IncidentStore store;
    private final Map<IncidentStore.Unresolved, AtomicLong> unresolved = new ConcurrentHashMap<>();

    IncidentMetrics(MeterRegistry meters, IncidentStore store) {
        this.meters = meters;
        this.store = store;
        // Registered up front, so that dashboards and alert rules see zeros rather than nothing.
        for (IncidentStatus status : UNRESOLVED) {
            for (boolean dryRun : new boolean[] {false, true}) {
                AtomicLong count = new AtomicLong();
                unresolved.put(new IncidentStore.Unresolved(status, dryRun), count);
                Gauge.builder("habitus.incidents.unresolved", count, AtomicLong::get)
                        .description("Incidents OPEN or ACKNOWLEDGED (counted in the database: the same on every replica)")
                        .tag("status", status.name()).tag("dry_run", Boolean.toString(dryRun)).register(meters);
            }
        }
        // Every series at zero from the start: increase() then sees an incident's first count as one.
        for (Severity severity : Severity.values()) {
            for (IncidentTrigger trigger : IncidentTrigger.values()) {
                counter(severity, trigger, false);
                counter(severity, trigger, true);
            }
        }
    }

    /** An incident opened in the caller's transaction: counted when (and if) that transaction commits. */
    public void opened(Severity severity, @Nullable IncidentTrigger openedBy, boolean dryRun) {
        Counter counter = counter(severity, openedBy, dryRun);
        AfterCommit.runOrNow(counter::increment);
    }

    private Counter counter(Severity severity, @Nullable IncidentTrigger openedBy, boolean dryRun) {
        return Counter.builder("habitus.incidents.opened")
                .description("Incidents opened (committed), by severity at opening, what opened them and whether in a dry run")
                .tag("severity", severity.name()).tag("opened_by", openedBy == null ? "UNKNOWN" : openedBy.name())
                .tag("dry_run", Boolean.toString(dryRun)).register(meters);
    }

    @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT5S")
    public void refresh() {
        try {
            Map<IncidentStore.Unresolved, Long> counts = store.unresolvedCounts();
            unresolved.forEach((key, count) -> count.set(counts.getOrDefault(key, 0L)));
        } catch (RuntimeException e) {
            log.warn("counting unresolved incidents failed: {}", e.getMessage());
        }
    }
}
