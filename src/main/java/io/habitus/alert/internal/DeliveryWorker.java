package io.habitus.alert.internal;

import io.habitus.alert.AlertProperties;
import io.habitus.alert.AlertSink;
import io.habitus.alert.QueuedAlert;
import io.habitus.alert.persistence.DeliveryRow;
import io.habitus.alert.persistence.DeliveryStore;
import io.habitus.alert.sink.Delivery;
import io.habitus.alert.sink.SinkRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
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
    /** Stands for a request not sent: one of its alerts alone is larger than the sink's body bound. */
    private static final SinkClient.Outcome TOO_LARGE = new SinkClient.Outcome(null, null, "too large");

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

    /**
     * Sends batches while full ones are due. A claim that found fewer rows than a batch took all
     * that was due: what arrives next waits for the next poll, so that alerts are sent in batches
     * rather than one request per ingest commit.
     */
    private void drain(SinkChannel channel) {
        AlertSink sink = channel.sink();
        while (!stopping) {
            Instant now = clock.instant();
            List<DeliveryRow> claimed = store.claim(sink.name(), now, properties.lease(), sink.batchSize());
            if (claimed.isEmpty()) {
                return;
            }
            Map<Long, SinkClient.Outcome> outcomes = new HashMap<>();
            for (List<Delivery> deliveries : wholeRows(claimed, sink.batchSize())) {
                for (SinkRequest request : channel.format().requests(sink, deliveries, now)) {
                    SinkClient.Outcome outcome = send(channel, request);
                    // A row too large for one request stands as its worst request did.
                    request.deliveries().forEach(d -> outcomes.merge(d.id(), outcome, DeliveryWorker::worse));
                }
            }
            record(sink, claimed, outcomes);
            if (claimed.size() < sink.batchSize()) {
                return;
            }
        }
    }

    /**
     * The rows' alerts in groups of whole rows of at most {@code batchSize} alerts (a larger row alone),
     * so that a row's alerts go out in one request and its outcome is that request's: cut across
     * requests, a row was sent again whole whenever one of its parts failed, and against a sink
     * failing every other request it could fail on every attempt.
     */
    private List<List<Delivery>> wholeRows(List<DeliveryRow> rows, int batchSize) {
        List<List<Delivery>> groups = new ArrayList<>();
        List<Delivery> group = new ArrayList<>();
        for (DeliveryRow row : rows) {
            List<QueuedAlert> alerts = json.readValue(row.alertsJson(), QueuedAlert.LIST);
            if (!group.isEmpty() && group.size() + alerts.size() > batchSize) {
                groups.add(group);
                group = new ArrayList<>();
            }
            for (QueuedAlert queued : alerts) {
                group.add(new Delivery(row.id(), queued.id(), queued.alert()));
            }
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        return groups;
    }

    private SinkClient.Outcome send(SinkChannel channel, SinkRequest request) {
        AlertSink sink = channel.sink();
        if (request.oversized()) {
            return TOO_LARGE;
        }
        long started = System.nanoTime();
        SinkClient.Outcome outcome = channel.client().send(request, clock.instant());
        metrics.request(sink.name(), outcome.delivered() ? "delivered" : outcome.retryable() ? "retry" : "rejected",
                Duration.ofNanos(System.nanoTime() - started));
        return outcome;
    }

    /** Rejected before retryable before delivered. */
    private static SinkClient.Outcome worse(SinkClient.Outcome a, SinkClient.Outcome b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(SinkClient.Outcome outcome) {
        return outcome.delivered() ? 0 : outcome != TOO_LARGE && outcome.retryable() ? 1 : 2;
    }

    private void record(AlertSink sink, List<DeliveryRow> claimed, Map<Long, SinkClient.Outcome> outcomes) {
        Instant now = clock.instant();
        Map<Integer, List<DeliveryRow>> byRank = new HashMap<>();
        for (DeliveryRow row : claimed) {
            byRank.computeIfAbsent(rank(outcomes.get(row.id())), r -> new ArrayList<>()).add(row);
        }
        List<DeliveryRow> delivered = byRank.getOrDefault(0, List.of());
        if (!delivered.isEmpty()) {
            Integer status = delivered.stream().map(r -> outcomes.get(r.id()).status()).findFirst().orElse(200);
            store.delivered(ids(delivered), now, status);
            Instant oldest = delivered.stream().map(DeliveryRow::createdAt).min(Instant::compareTo).orElse(now);
            metrics.delivered(sink.name(), alerts(delivered), Duration.between(oldest, now));
        }
        byOutcome(byRank.getOrDefault(1, List.of()), outcomes).forEach((outcome, rows) -> retryOrGiveUp(sink, rows, outcome, now));
        byOutcome(byRank.getOrDefault(2, List.of()), outcomes).forEach((outcome, rows) -> giveUp(sink, rows, outcome.status(),
                outcome == TOO_LARGE ? "an alert is larger than the sink's max-body-size (" + sink.maxBodySize() + ")"
                        : "rejected by the sink: " + outcome.describe()));
    }

    /**
     * A row retries after the backoff of its attempts; a row past the sink's attempts or age is given
     * up instead.
     */
    private void retryOrGiveUp(AlertSink sink, List<DeliveryRow> rows, SinkClient.Outcome outcome, Instant now) {
        List<Long> retry = new ArrayList<>();
        List<DeliveryRow> exhausted = new ArrayList<>();
        int attempts = 0;
        for (DeliveryRow row : rows) {
            boolean tooOld = Duration.between(row.createdAt(), now).compareTo(sink.maxAge()) >= 0;
            if (row.attempts() >= sink.maxAttempts() || tooOld) {
                exhausted.add(row);
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

    private void giveUp(AlertSink sink, List<DeliveryRow> rows, @Nullable Integer status, String error) {
        store.failed(ids(rows), clock.instant(), status, error);
        metrics.failed(sink.name(), alerts(rows));
        log.warn("alert sink {}: {} deliveries ({} alerts) given up: {}", sink.name(), rows.size(), alerts(rows), error);
    }

    private static Map<SinkClient.Outcome, List<DeliveryRow>> byOutcome(List<DeliveryRow> rows,
            Map<Long, SinkClient.Outcome> outcomes) {
        Map<SinkClient.Outcome, List<DeliveryRow>> grouped = new IdentityHashMap<>();
        rows.forEach(row -> grouped.computeIfAbsent(outcomes.get(row.id()), o -> new ArrayList<>()).add(row));
        return grouped;
    }

    private static List<Long> ids(List<DeliveryRow> rows) {
        return rows.stream().map(DeliveryRow::id).toList();
    }

    private static int alerts(List<DeliveryRow> rows) {
        return rows.stream().mapToInt(DeliveryRow::alertCount).sum();
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
