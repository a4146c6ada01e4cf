package io.habitus.alert;

import io.habitus.alert.persistence.DeliveryRow;
import io.habitus.alert.persistence.DeliveryStore;
import io.habitus.alert.persistence.SinkBacklog;
import io.habitus.incident.Severity;
import io.habitus.shared.HabitusProblem;
import io.habitus.shared.NotFoundException;
import io.habitus.shared.ProblemType;
import io.habitus.shared.web.PageCursor;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** What admins see of alerting: the sinks and their backlog, deliveries, and retrying a given-up one. */
@Service
public class Alerts {

    private final AlertProperties properties;
    private final DeliveryStore store;
    private final JsonMapper json;
    private final Clock clock;

    Alerts(AlertProperties properties, DeliveryStore store, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<SinkStatus> sinks() {
        Map<String, SinkBacklog> backlog = store.backlog().stream()
                .collect(Collectors.toMap(SinkBacklog::sink, Function.identity()));
        return properties.sinks().stream().map(sink -> {
            SinkBacklog b = backlog.getOrDefault(sink.name(), SinkBacklog.empty(sink.name()));
            return new SinkStatus(sink.name(), sink.type(), sink.target(), sink.secret() != null, List.copyOf(sink.takes()),
                    sink.minSeverity(), sink.batchSize(), b.pending(), b.delivered(), b.failed(), b.oldestPending(),
                    b.lastDeliveredAt(), b.lastAttemptAt(), b.lastError());
        }).toList();
    }

    @Transactional(readOnly = true)
    public DeliveryPage deliveries(@Nullable String sink, @Nullable DeliveryState state, @Nullable String cursor, int limit) {
        List<DeliveryRow> found = store.find(sink, state == null ? null : state.name(), PageCursor.idBefore(cursor), limit + 1);
        List<DeliveryRow> page = found.size() > limit ? found.subList(0, limit) : found;
        return new DeliveryPage(page.stream().map(this::view).toList(),
                found.size() > limit ? PageCursor.before(page.getLast().id()) : null);
    }

    @Transactional(readOnly = true)
    public DeliveryView delivery(long id) {
        return view(store.find(id).orElseThrow(() -> new NotFoundException("No alert delivery " + id)));
    }

    /** Queues a given-up delivery again, due now, its attempts counted afresh; 409 unless it is FAILED. */
    @Transactional
    public DeliveryView retry(long id) {
        DeliveryRow row = store.find(id).orElseThrow(() -> new NotFoundException("No alert delivery " + id));
        if (properties.sinks().stream().noneMatch(s -> s.name().equals(row.sink()))) {
            throw new HabitusProblem(HttpStatus.CONFLICT, ProblemType.CONFLICT,
                    "Alert delivery " + id + " is for sink '" + row.sink() + "', which is no longer configured");
        }
        if (!store.requeue(id, clock.instant())) {
            throw new HabitusProblem(HttpStatus.CONFLICT, ProblemType.CONFLICT,
                    "Alert delivery " + id + " is " + row.state() + "; only FAILED deliveries can be retried");
        }
        return delivery(id);
    }

    private DeliveryView view(DeliveryRow r) {
        return new DeliveryView(r.id(), r.deliveryId(), r.sink(), r.alertType(), Severity.valueOf(r.severity()),
                DeliveryState.valueOf(r.state()), r.attempts(), r.createdAt(), r.nextAttemptAt(), r.lastAttemptAt(),
                r.lastStatus(), r.lastError(), r.deliveredAt(), r.failedAt(), json.readValue(r.alertsJson(), QueuedAlert.LIST));
    }
}
