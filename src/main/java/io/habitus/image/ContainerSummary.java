package io.habitus.image;

import java.time.Instant;

/** One container of an image: where it ran and what it sent. */
public record ContainerSummary(
        String id, String node, String namespace, String pod, String cluster, long eventCount,
        Instant firstSeen, Instant lastSeen) {}
