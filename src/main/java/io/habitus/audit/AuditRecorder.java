package io.habitus.audit;

import io.habitus.audit.internal.AuditProperties;
import io.habitus.audit.internal.AuditTransition;
import io.habitus.audit.persistence.AuditRow;
import io.habitus.audit.persistence.AuditStore;
import io.habitus.ingest.ContainerRef;
import io.habitus.scoring.Deviation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pipeline's recording step: keeps every deviation as an audit, in the transaction that
 * judged it, deduplicated per container, verdict and rule within the dedup window, and tells the
 * pipeline which audits it opened (their alerts are its next step).
 */
@Service
public class AuditRecorder {

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

    /** Records the deviations; returns the audits they opened (repeats counted on an existing audit are not among them). */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<OpenedAudit> record(List<Deviation> deviations) {
        if (deviations.isEmpty()) {
            return List.of();
        }
        long window = Math.max(1, properties.dedupWindow().toSeconds());
        Map<List<Object>, AuditRow> folded = new LinkedHashMap<>();
        Map<List<Object>, Deviation> first = new LinkedHashMap<>();
        for (Deviation d : deviations) {
            long bucket = Math.floorDiv(d.time().getEpochSecond(), window);
            List<Object> key = List.of(d.digest(), d.containerId(), d.verdict(), d.ruleKind(), d.ruleValue(), bucket);
            first.putIfAbsent(key, d);
            folded.merge(key, row(d, bucket), (a, b) -> new AuditRow(a.digest(), a.containerId(), a.node(), a.verdict(),
                    a.ruleKind(), a.ruleValue(), a.rawValue(), a.reason(), a.eventJson(),
                    a.firstSeen().isBefore(b.firstSeen()) ? a.firstSeen() : b.firstSeen(),
                    a.lastSeen().isAfter(b.lastSeen()) ? a.lastSeen() : b.lastSeen(), a.occurrences() + 1, bucket,
                    a.profileVersion(), a.profileChecksum(), a.modelVersion(), a.score(), a.threshold(), a.transitionJson()));
        }
        List<AuditStore.Recorded> recorded = store.record(List.copyOf(folded.values()));
        List<Deviation> firsts = List.copyOf(first.values());
        List<OpenedAudit> opened = new ArrayList<>();
        for (int i = 0; i < recorded.size(); i++) {
            if (recorded.get(i).created()) {
                opened.add(opened(recorded.get(i).id(), firsts.get(i)));
            }
        }
        deviations.forEach(d -> Counter.builder("habitus.deviations")
                .description("Deviations judged (each counted, also when deduplicated onto one audit), by verdict")
                .tag("verdict", d.verdict().name())
                .register(meters)
                .increment());
        return opened;
    }

    private static OpenedAudit opened(long id, Deviation d) {
        ContainerRef container = d.event().container();
        return new OpenedAudit(id, d.digest(), container.image(), d.containerId(), d.node(), container.namespace(),
                container.pod(), container.cluster(), d.verdict(), d.ruleKind(), d.ruleValue(), d.rawValue(), d.reason(),
                d.time(), d.profileVersion(), d.modelVersion(), d.score(), d.threshold());
    }

    private AuditRow row(Deviation d, long bucket) {
        return new AuditRow(d.digest(), d.containerId(), d.node(), d.verdict().name(), d.ruleKind(), d.ruleValue(),
                d.rawValue(), d.reason(), json.writeValueAsString(d.event()), d.time(), d.time(), 1, bucket,
                d.profileVersion(), d.profileChecksum(), d.modelVersion(), d.score(), d.threshold(),
                json.writeValueAsString(AuditTransition.of(d.transition())));
    }
}
