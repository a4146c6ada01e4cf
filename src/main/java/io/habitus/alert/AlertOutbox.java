package io.habitus.alert;

import io.habitus.alert.internal.AlertComposer;
import io.habitus.alert.internal.AlertMetrics;
import io.habitus.alert.persistence.DeliveryStore;
import io.habitus.alert.persistence.NewDelivery;
import io.habitus.audit.OpenedAudit;
import io.habitus.incident.IncidentRaised;
import io.habitus.incident.Severity;
import io.habitus.shared.database.AfterCommit;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pipeline's alert step: turns the audits a commit opened and the incidents it raised into
 * outbox rows ({@code alert_delivery}), in that same transaction, so an alert exists exactly when
 * its audit or incident does and no crash can separate them. Per fact (the audits of one commit,
 * one change of an incident) one row per sink that takes any of its alerts, carrying those alerts;
 * the worker delivers them after commit. Queueing the same fact twice is a no-op (one row per sink
 * and alert key). Without sinks it does nothing.
 * <p>Until 2026-12-06 an {@code @ApplicationModuleListener} wrote these rows after commit in its
 * own transaction, the event publication registry carrying the facts across: every alerting batch
 * committed twice and ingest with sinks ran at 0.68–0.94 of ingest without (bench/README.md).
 */
@Service
public class AlertOutbox {

    private final AlertProperties properties;
    private final AlertComposer composer;
    private final DeliveryStore store;
    private final AlertMetrics metrics;
    private final JsonMapper json;
    private final Clock clock;

    AlertOutbox(AlertProperties properties, AlertComposer composer, DeliveryStore store, AlertMetrics metrics,
            JsonMapper json, Clock clock) {
        this.properties = properties;
        this.composer = composer;
        this.store = store;
        this.metrics = metrics;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(List<OpenedAudit> audits, List<IncidentRaised> incidents) {
        if (properties.sinks().isEmpty() || audits.isEmpty() && incidents.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<NewDelivery> deliveries = new ArrayList<>();
        if (!audits.isEmpty() && properties.anySinkTakes(AlertKind.AUDITS)) {
            deliveries.addAll(deliveries(auditsKey(audits), audits.stream().map(composer::of).toList(), now));
        }
        if (properties.anySinkTakes(AlertKind.INCIDENTS)) {
            for (IncidentRaised raised : incidents) {
                Alert alert = composer.of(raised);
                deliveries.addAll(deliveries(incidentKey(alert), List.of(alert), now));
            }
        }
        if (deliveries.isEmpty()) {
            return;
        }
        boolean[] queued = store.enqueue(deliveries);
        AfterCommit.run(() -> {
            for (int i = 0; i < queued.length; i++) {
                if (queued[i]) {
                    metrics.queued(deliveries.get(i).sink(), deliveries.get(i).alertCount());
                }
            }
        });
    }

    /** One row per sink that takes any of the alerts. */
    private List<NewDelivery> deliveries(String key, List<Alert> alerts, Instant now) {
        // An alert has one id whatever sink it goes to, and sinks that take the same alerts share
        // their JSON: it is written once (most sinks take everything).
        List<QueuedAlert> identified = alerts.stream().map(a -> new QueuedAlert(UUID.randomUUID(), a)).toList();
        Map<List<QueuedAlert>, String> written = new HashMap<>();
        List<NewDelivery> deliveries = new ArrayList<>();
        for (AlertSink sink : properties.sinks()) {
            List<QueuedAlert> taken = identified.stream().filter(q -> sink.accepts(q.alert().kind(), q.alert().severity())).toList();
            if (!taken.isEmpty()) {
                Severity highest = taken.stream().map(q -> q.alert().severity()).max(Comparator.naturalOrder()).orElseThrow();
                deliveries.add(new NewDelivery(sink.name(), key, taken.getFirst().alert().type(), highest.name(), taken.size(),
                        written.computeIfAbsent(taken, json::writeValueAsString), now));
            }
        }
        return deliveries;
    }

    /** The audits one commit opened: their first id names them (an audit is opened by one commit). */
    static String auditsKey(List<OpenedAudit> audits) {
        return "audits:" + audits.getFirst().id();
    }

    /** Per incident and severity: an incident alerts again only when it rises. */
    static String incidentKey(Alert incident) {
        return "incident:" + incident.incident().id() + ":" + incident.severity();
    }
}
