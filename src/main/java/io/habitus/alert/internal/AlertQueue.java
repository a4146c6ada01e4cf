package io.habitus.alert.internal;

import io.habitus.alert.AlertProperties;
import io.habitus.alert.AlertKind;
import io.habitus.alert.AlertSink;
import io.habitus.alert.Alert;
import io.habitus.alert.persistence.DeliveryStore;
import io.habitus.alert.persistence.NewDelivery;
import io.habitus.audit.AuditsOpened;
import io.habitus.incident.IncidentRaised;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns committed audits and incidents into deliveries, one per alert and sink that takes it. Runs
 * after the ingest transaction committed, on another thread, in its own transaction
 * ({@link ApplicationModuleListener}); the event publication registry records the event in the
 * ingest transaction and resubmits it if this does not complete (a crash, the database gone), so
 * an alert is queued at least once. Queueing the same alert twice is a no-op (one row per sink and
 * alert key). Without a sink that takes a kind of alert, its events are not even recorded.
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
        queue(opened.audits().stream().map(composer::of).toList());
    }

    @ApplicationModuleListener(id = "alert.incident-raised", condition = "@alertQueue.takes('INCIDENTS')")
    void on(IncidentRaised raised) {
        queue(List.of(composer.of(raised)));
    }

    private void queue(List<Alert> alerts) {
        Instant now = clock.instant();
        List<NewDelivery> deliveries = new ArrayList<>();
        for (Alert alert : alerts) {
            String body = json.writeValueAsString(alert);
            for (AlertSink sink : properties.sinks()) {
                if (sink.accepts(alert.kind(), alert.severity())) {
                    deliveries.add(new NewDelivery(sink.name(), key(alert), alert.type(), alert.severity().name(), body, now));
                }
            }
        }
        if (!deliveries.isEmpty()) {
            boolean[] queued = store.enqueue(deliveries);
            for (int i = 0; i < queued.length; i++) {
                if (queued[i]) {
                    metrics.queued(deliveries.get(i).sink());
                }
            }
        }
    }

    /** One alert per audit, and per incident and severity (an incident alerts again only when it rises). */
    static String key(Alert alert) {
        return alert.audit() != null ? "audit:" + alert.audit().id()
                : "incident:" + alert.incident().id() + ":" + alert.severity();
    }
}
