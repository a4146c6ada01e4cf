package io.habitus.alert.internal;

import io.habitus.alert.AlertSink;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * When a sink is tried again after a failed attempt: Spring's {@link ExponentialBackOff} (initial
 * interval times the multiplier per attempt, capped, each interval spread by the sink's jitter) at
 * the delivery's attempt count, or the sink's own {@code Retry-After} when that is longer (up to the cap).
 */
final class RetrySchedule {

    private RetrySchedule() {}

    static Duration after(AlertSink sink, int attempts, @Nullable Duration retryAfter) {
        ExponentialBackOff backOff = new ExponentialBackOff(sink.initialBackoff().toMillis(), sink.multiplier());
        backOff.setMaxInterval(sink.maxBackoff().toMillis());
        backOff.setJitter(Math.round(sink.initialBackoff().toMillis() * sink.jitter()));
        BackOffExecution execution = backOff.start();
        long delay = 0;
        for (int attempt = 0; attempt < Math.max(1, attempts); attempt++) {
            delay = execution.nextBackOff();
        }
        Duration backoff = Duration.ofMillis(delay);
        if (retryAfter != null && retryAfter.compareTo(backoff) > 0) {
            return retryAfter.compareTo(sink.maxBackoff()) > 0 ? sink.maxBackoff() : retryAfter;
        }
        return backoff;
    }
}
