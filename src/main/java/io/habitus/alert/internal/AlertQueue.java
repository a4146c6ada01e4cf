package io.habitus.alert.internal;

import io.habitus.alert.AlertProperties;
import io.habitus.alert.AlertKind;
import io.habitus.alert.AlertSink;
import io.habitus.alert.Alert;
import io.habitus.alert.QueuedAlert;
import io.habitus.incident.Severity;
import io.habitus.alert.persistence.DeliveryStore;
import io.habitus.alert.persistence.NewDelivery;
import io.habitus.audit.AuditsOpened;
import io.habitus.incident.IncidentRaised;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns committed audits and incidents into deliveries: per published fact (the audits one commit
 * opened, one change of an incident) one delivery per sink that takes any of its alerts, carrying
 * those alerts. Runs after the ingest transaction committed, on another thread, in its own
 * transaction ({@link ApplicationModuleListener}); the event publication registry records the event
 * in the ingest transaction and resubmits it if this does not complete (a crash, the database gone),
 * so an alert is queued at least once. Queueing the same fact twice is a no-op (one row per sink and
 * alert key). Without a sink that takes a kind of alert, its events are not even recorded.
 * One row per fact rather than per alert: each row is written, claimed and marked delivered, and a
 * judged batch that opens a dozen audits made a dozen rows per sink (docs: README, "Alerts").
 */
@Component("alertQueue")
class AlertQueue {

    private final AlertProperties properties;
    private final AlertComposer composer;
    private final DeliveryStore store;
    private final AlertMetrics metrics;
    private final JsonMapper json;
    private final Clock clock;

    AlertQueue(AlertProperties properties, AlertComposer composer, DeliveryStore store, AlertMetrics metrics,
            JsonMapper json, Clock clock) {
        this.properties = properties;
        this.composer = composer;
        this.store = store;
        this.metrics = metrics;
        this.json = json;
        this.clock = clock;
    }

    /** The listeners' condition: no publication is recorded when no sink would take it. */
    public boolean takes(String kind) {
        return properties.anySinkTakes(AlertKind.valueOf(kind));
    }

    @ApplicationModuleListener(id = "alert.audits-opened", condition = "@alertQueue.takes('AUDITS')")
    void on(AuditsOpened opened) {
        if (!opened.audits().isEmpty()) {
            queue(key(opened), opened.audits().stream().map(composer::of).toList());
        }
    }

    @ApplicationModuleListener(id = "alert.incident-raised", condition = "@alertQueue.takes('INCIDENTS')")
    void on(IncidentRaised raised) {
        Alert alert = composer.of(raised);
        queue(key(alert), List.of(alert));
    }

    private void queue(String key, List<Alert> alerts) {
        Instant now = clock.instant();
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
        if (!deliveries.isEmpty()) {
            boolean[] queued = store.enqueue(deliveries);
            for (int i = 0; i < queued.length; i++) {
                if (queued[i]) {
                    metrics.queued(deliveries.get(i).sink(), deliveries.get(i).alertCount());
                }
            }
        }
    }

    /** The audits one commit opened: their first id names them (an audit is opened by one commit). */
    static String key(AuditsOpened opened) {
        return "audits:" + opened.audits().getFirst().id();
    }

    /** Per incident and severity: an incident alerts again only when it rises. */
    static String key(Alert incident) {
        return "incident:" + incident.incident().id() + ":" + incident.severity();
    }
}
