package io.habitus.alert.internal;

import io.habitus.alert.AlertProperties;
import io.habitus.alert.AlertSink;
import io.habitus.alert.Alert;
import io.habitus.alert.persistence.DeliveryRow;
import io.habitus.alert.persistence.DeliveryStore;
import io.habitus.alert.sink.Delivery;
import io.habitus.alert.sink.SinkRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Works off the outbox on every replica: each sink has at most one virtual thread here at a time,
 * which claims a batch of its due deliveries ({@code SKIP LOCKED}, leased), sends it outside any
 * transaction and records the outcome — delivered, retried later with backoff, or given up. A sink
 * that is down or slow holds only its own thread; ingest never waits for any of this.
 */
@Component
class DeliveryWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final List<SinkChannel> channels;
    private final DeliveryStore store;
    private final AlertMetrics metrics;
    private final AlertProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("alert-sink-", 0).factory());
    private volatile boolean stopping;
    private volatile Instant lastWarning;

    DeliveryWorker(SinkChannels channels, DeliveryStore store, AlertMetrics metrics, AlertProperties properties,
            JsonMapper json, Clock clock) {
        this.channels = channels.all();
        this.store = store;
        this.metrics = metrics;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${habitus.alerts.poll-interval:500ms}")
    void poll() {
        for (SinkChannel channel : channels) {
            if (!stopping && channel.busy().compareAndSet(false, true)) {
                threads.execute(() -> {
                    try {
                        drain(channel);
                    } catch (RuntimeException e) {
                        // The database away: said once a minute, not at every poll.
                        Instant now = clock.instant();
                        if (lastWarning == null || now.isAfter(lastWarning.plusSeconds(60))) {
                            lastWarning = now;
                            log.warn("alert sink {}: working off its deliveries failed, trying again: {}",
                                    channel.sink().name(), e.toString());
                        }
                    } finally {
                        channel.busy().set(false);
                    }
                });
            }
        }
    }

    /** Sends batches until nothing of this sink is due. */
    private void drain(SinkChannel channel) {
        AlertSink sink = channel.sink();
        while (!stopping) {
            Instant now = clock.instant();
            List<DeliveryRow> claimed = store.claim(sink.name(), now, properties.lease(), sink.batchSize());
            if (claimed.isEmpty()) {
                return;
            }
            List<Delivery> deliveries = new ArrayList<>(claimed.size());
            for (DeliveryRow row : claimed) {
                deliveries.add(new Delivery(row.id(), row.deliveryId(), json.readValue(row.alertJson(), Alert.class)));
            }
            for (SinkRequest request : channel.format().requests(sink, deliveries, now)) {
                send(channel, request, claimed);
            }
        }
    }

    private void send(SinkChannel channel, SinkRequest request, List<DeliveryRow> claimed) {
        AlertSink sink = channel.sink();
        List<Long> ids = request.deliveries().stream().map(Delivery::id).toList();
        List<DeliveryRow> rows = claimed.stream().filter(r -> ids.contains(r.id())).toList();
        if (request.oversized()) {
            giveUp(sink, ids, null, "the alert is larger than the sink's max-body-size (" + sink.maxBodySize() + ")");
            return;
        }
        long started = System.nanoTime();
        SinkClient.Outcome outcome = channel.client().send(request, clock.instant());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Instant now = clock.instant();
        if (outcome.delivered()) {
            store.delivered(ids, now, outcome.status());
            metrics.request(sink.name(), "delivered", took);
            Instant oldest = rows.stream().map(DeliveryRow::createdAt).min(Instant::compareTo).orElse(now);
            metrics.delivered(sink.name(), ids.size(), Duration.between(oldest, now));
        } else if (outcome.retryable()) {
            metrics.request(sink.name(), "retry", took);
            retryOrGiveUp(sink, rows, outcome, now);
        } else {
            metrics.request(sink.name(), "rejected", took);
            giveUp(sink, ids, outcome.status(), "rejected by the sink: " + outcome.describe());
        }
    }

    /**
     * A batch retries together, after the backoff of its most-tried delivery; a delivery past the
     * sink's attempts or age is given up instead.
     */
    private void retryOrGiveUp(AlertSink sink, List<DeliveryRow> rows, SinkClient.Outcome outcome, Instant now) {
        List<Long> retry = new ArrayList<>();
        List<Long> exhausted = new ArrayList<>();
        int attempts = 0;
        for (DeliveryRow row : rows) {
            boolean tooOld = Duration.between(row.createdAt(), now).compareTo(sink.maxAge()) >= 0;
            if (row.attempts() >= sink.maxAttempts() || tooOld) {
                exhausted.add(row.id());
            } else {
                retry.add(row.id());
                attempts = Math.max(attempts, row.attempts());
            }
        }
        if (!retry.isEmpty()) {
            Duration wait = RetrySchedule.after(sink, attempts, outcome.retryAfter());
            store.retryAt(retry, now.plus(wait), outcome.status(), outcome.describe());
            log.debug("alert sink {}: {} deliveries retry in {} ({})", sink.name(), retry.size(), wait, outcome.describe());
        }
        if (!exhausted.isEmpty()) {
            giveUp(sink, exhausted, outcome.status(), "gave up after " + sink.maxAttempts() + " attempts or "
                    + sink.maxAge() + ": " + outcome.describe());
        }
    }

    private void giveUp(AlertSink sink, List<Long> ids, Integer status, String error) {
        store.failed(ids, clock.instant(), status, error);
        metrics.failed(sink.name(), ids.size());
        log.warn("alert sink {}: {} deliveries given up: {}", sink.name(), ids.size(), error);
    }

    /** The pending gauge reads the database, so every replica reports the same backlog. */
    @Scheduled(fixedDelayString = "${habitus.alerts.metrics-interval:5s}")
    void countPending() {
        if (channels.isEmpty()) {
            return;
        }
        try {
            metrics.pending(store.pendingBySink());
        } catch (RuntimeException e) {
            log.debug("counting pending alert deliveries failed: {}", e.toString());
        }
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purge() {
        try {
            Instant now = clock.instant();
            int purged = store.purge(now.minus(properties.deliveredRetention()), now.minus(properties.failedRetention()));
            if (purged > 0) {
                log.info("purged {} alert deliveries past their retention", purged);
            }
        } catch (RuntimeException e) {
            log.warn("purging alert deliveries failed: {}", e.toString());
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        threads.shutdown();
        // A request cut short here is sent again once its lease runs out: at least once, not exactly once.
        if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
            threads.shutdownNow();
        }
    }
}
