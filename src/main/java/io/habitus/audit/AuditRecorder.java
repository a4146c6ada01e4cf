package io.habitus.audit;

import io.habitus.audit.persistence.AuditRow;
import io.habitus.audit.persistence.AuditStore;
import io.habitus.scoring.Deviation;
import io.habitus.scoring.DeviationsFound;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Keeps every deviation as an audit, in the transaction that judged it. */
@Component
class AuditRecorder {

    private final AuditStore store;
    private final AuditProperties properties;
    private final JsonMapper json;
    private final MeterRegistry meters;

    AuditRecorder(AuditStore store, AuditProperties properties, JsonMapper json, MeterRegistry meters) {
        this.store = store;
        this.properties = properties;
        this.json = json;
        this.meters = meters;
    }

    @EventListener
    void on(DeviationsFound found) {
        long window = Math.max(1, properties.dedupWindow().toSeconds());
        Map<List<Object>, AuditRow> folded = new LinkedHashMap<>();
        for (Deviation d : found.deviations()) {
            long bucket = Math.floorDiv(d.time().getEpochSecond(), window);
            List<Object> key = List.of(d.digest(), d.containerId(), d.verdict(), d.ruleKind(), d.ruleValue(), bucket);
            folded.merge(key, row(d, bucket), (a, b) -> new AuditRow(a.digest(), a.containerId(), a.node(), a.verdict(),
                    a.ruleKind(), a.ruleValue(), a.rawValue(), a.reason(), a.eventJson(),
                    a.firstSeen().isBefore(b.firstSeen()) ? a.firstSeen() : b.firstSeen(),
                    a.lastSeen().isAfter(b.lastSeen()) ? a.lastSeen() : b.lastSeen(), a.occurrences() + 1, bucket,
                    a.profileVersion(), a.profileChecksum(), a.modelVersion(), a.score(), a.threshold(), a.transitionJson()));
        }
        store.record(List.copyOf(folded.values()));
        found.deviations().forEach(d -> Counter.builder("habitus.deviations")
                .description("Deviations judged (each counted, also when deduplicated onto one audit), by verdict")
                .tag("verdict", d.verdict().name())
                .register(meters)
                .increment());
    }

    private AuditRow row(Deviation d, long bucket) {
        return new AuditRow(d.digest(), d.containerId(), d.node(), d.verdict().name(), d.ruleKind(), d.ruleValue(),
                d.rawValue(), d.reason(), json.writeValueAsString(d.event()), d.time(), d.time(), 1, bucket,
                d.profileVersion(), d.profileChecksum(), d.modelVersion(), d.score(), d.threshold(),
                json.writeValueAsString(AuditTransition.of(d.transition())));
    }
}
