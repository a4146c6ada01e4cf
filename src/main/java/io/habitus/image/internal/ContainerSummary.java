package io.habitus.image.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One container of an image: where it ran and what it sent. */
public record ContainerSummary(
        String id, @Nullable String node, @Nullable String namespace, @Nullable String pod, @Nullable String cluster, long eventCount,
        Instant firstSeen, Instant lastSeen) {}
