package io.habitus.alert.internal;

import io.habitus.alert.AlertProperties;
import io.habitus.alert.Alert;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The alert metrics, per sink: {@code habitus.alerts.pending} (alerts not yet delivered nor given
 * up, counted in the database, so the same on every replica), {@code habitus.alerts.failed} (given up),
 * {@code habitus.alerts.delivered}, {@code habitus.alerts.queued}, {@code habitus.alerts.latency} (from
 * queueing to the sink's 2xx) and {@code habitus.alerts.requests} (duration of each request by
 * outcome: delivered, retry, rejected).
 */
@Component
public class AlertMetrics {

    private final MeterRegistry meters;
    private final Map<String, AtomicLong> pending = new ConcurrentHashMap<>();

    AlertMetrics(MeterRegistry meters, AlertProperties properties) {
        this.meters = meters;
        properties.sinks().forEach(sink -> {
            AtomicLong count = new AtomicLong();
            pending.put(sink.name(), count);
            Gauge.builder("habitus.alerts.pending", count, AtomicLong::get)
                    .description("Alerts queued for the sink and not yet delivered or given up")
                    .tag("sink", sink.name()).register(meters);
            // Registered up front, so that dashboards and alert rules see zeros rather than nothing.
            failedCounter(sink.name());
            deliveredCounter(sink.name());
        });
    }

    void pending(Map<String, Long> bySink) {
        pending.forEach((sink, count) -> count.set(bySink.getOrDefault(sink, 0L)));
    }

    public void queued(String sink, int alerts) {
        Counter.builder("habitus.alerts.queued").description("Alerts queued for delivery").tag("sink", sink)
                .register(meters).increment(alerts);
    }

    void delivered(String sink, int count, Duration oldestAge) {
        deliveredCounter(sink).increment(count);
        Timer.builder("habitus.alerts.latency").description("From queueing an alert to the sink's 2xx answer")
                .tag("sink", sink).register(meters).record(oldestAge);
    }

    void failed(String sink, int count) {
        failedCounter(sink).increment(count);
    }

    void request(String sink, String outcome, Duration took) {
        Timer.builder("habitus.alerts.requests").description("Requests to alert sinks, by outcome (delivered, retry, rejected)")
                .tag("sink", sink).tag("outcome", outcome).register(meters).record(took);
    }

    private Counter failedCounter(String sink) {
        return Counter.builder("habitus.alerts.failed")
                .description("Alerts given up (rejected by the sink, too many attempts, too old, too large)")
                .tag("sink", sink).register(meters);
    }

    private Counter deliveredCounter(String sink) {
        return Counter.builder("habitus.alerts.delivered").description("Alerts the sink accepted (2xx)")
                .tag("sink", sink).register(meters);
    }
}
