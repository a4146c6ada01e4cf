package io.habitus.image.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.habitus.image.Images;
import io.habitus.shared.ImageDigest;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Which image each recently seen container belongs to, so that ingest need not ask the database
 * for every batch. Only a cache of {@code image_container}, so it may forget: it is bounded
 * (the least recently used go first) and containers idle longer than the container-state expiry
 * are forgotten with their state ({@link Images#forgetContainersIdleSince}). Without both, one
 * entry per container id ever seen stayed for the life of the process. Its size is the gauge
 * {@code habitus.image.known.containers}.
 */
@Component
public class KnownContainers {

    /** Immutable: a new sighting replaces the entry. */
    private record Known(ImageDigest digest, long lastSeenMillis) {}

    private final Cache<String, Known> containers;
    /** Containers a what-if named and the database did not know. */
    private final RecentlyUnknown unregistered;
    private final Clock clock;

    KnownContainers(ImageProperties properties, Clock clock, MeterRegistry meters) {
        // Maintenance (eviction) on the calling thread: the bound holds without a background task.
        this.containers = Caffeine.newBuilder().maximumSize(properties.maxKnownContainers()).executor(Runnable::run).build();
        this.unregistered = new RecentlyUnknown(properties, clock);
        this.clock = clock;
        Gauge.builder("habitus.image.known.containers", this, KnownContainers::size)
                .description("Containers whose image this replica remembers (bounded; idle ones are forgotten)")
                .register(meters);
    }

    public @Nullable ImageDigest imageOf(String containerId) {
        Known known = containers.getIfPresent(containerId);
        return known == null ? null : known.digest();
    }

    /**
     * Whether the database did not know the container less than {@code habitus.image.what-if-staleness}
     * ago and it is not remembered since ({@link RecentlyUnknown}). A remembered container wins, so
     * registering one needs no bookkeeping here.
     */
    public boolean recentlyUnregistered(String containerId) {
        return imageOf(containerId) == null && unregistered.contains(containerId);
    }

    /** A what-if named the container and the database did not know it. */
    public void unregistered(String containerId) {
        unregistered.add(containerId);
    }

    /** A live view of the remembered ids. */
    public Set<String> ids() {
        return containers.asMap().keySet();
    }

    /**
     * The containers of a committed batch: seen now. A remembered image is kept: a container
     * belongs to the image it was first registered under, whatever a racing batch claimed.
     */
    public void seen(Map<String, ImageDigest> images) {
        long now = clock.millis();
        images.forEach((id, digest) -> containers.asMap().merge(id, new Known(digest, now),
                (known, sighting) -> new Known(known.digest(), now)));
    }

    /** A container read from the database because a batch named it. */
    public void loaded(String containerId, ImageDigest digest) {
        containers.asMap().putIfAbsent(containerId, new Known(digest, clock.millis()));
    }

    /** Forgets the containers not seen since {@code cutoff}; returns how many. */
    public int forgetIdleSince(Instant cutoff) {
        long limit = cutoff.toEpochMilli();
        int[] forgotten = {0};
        containers.asMap().values().removeIf(known -> {
            boolean idle = known.lastSeenMillis() < limit;
            if (idle) {
                forgotten[0]++;
            }
            return idle;
        });
        return forgotten[0];
    }

    long size() {
        containers.cleanUp();
        return containers.estimatedSize();
    }
}
