package io.habitus.alert.persistence;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A sink's alerts by the state of their deliveries, the oldest one still pending, and how the last attempt went. */
public record SinkBacklog(String sink, long pending, long delivered, long failed, @Nullable Instant oldestPending,
        @Nullable Instant lastDeliveredAt, @Nullable Instant lastAttemptAt, @Nullable String lastError) {

    public static SinkBacklog empty(String sink) {
        return new SinkBacklog(sink, 0, 0, 0, null, null, null, null);
    }
}
