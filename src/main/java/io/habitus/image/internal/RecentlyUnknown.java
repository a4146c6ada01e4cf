package io.habitus.image.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;

/**
 * Keys (container ids, image digests) a what-if named and the database did not know, each for
 * {@code habitus.image.what-if-staleness} after the lookup: a dashboard asking about a container or
 * image no agent has reported yet would otherwise cost a lookup per call. Bounded like the
 * catalogue's memory of containers; expiry follows the application's clock.
 */
public final class RecentlyUnknown {

    private final Cache<String, Boolean> keys;

    public RecentlyUnknown(ImageProperties properties, Clock clock) {
        this.keys = Caffeine.newBuilder()
                .maximumSize(properties.maxKnownContainers())
                .expireAfterWrite(properties.whatIfStaleness())
                .ticker(() -> clock.millis() * 1_000_000)
                // Maintenance (eviction) on the calling thread, as the catalogue's other memory does.
                .executor(Runnable::run)
                .build();
    }

    public boolean contains(String key) {
        return keys.getIfPresent(key) != null;
    }

    public void add(String key) {
        keys.put(key, Boolean.TRUE);
    }
}
