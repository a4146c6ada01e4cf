package io.habitus.image;

import io.habitus.shared.ImageDigest;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One accepted event as the catalogue sees it: which image and container it came from, where,
 * when and of what type. Optional labels may be {@code null}.
 */
public record EventSighting(
        ImageDigest digest, @Nullable String imageName, String containerId, @Nullable String node,
        @Nullable String namespace, @Nullable String pod, @Nullable String cluster, String eventType, Instant time) {

    public EventSighting {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(containerId, "containerId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(time, "time");
    }
}
