package io.habitus.image.internal;

import io.habitus.image.persistence.ImageCatalogStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code habitus.images} per status. Counted from the database every 30 s rather than on each
 * scrape, so that a scrape never waits for (or fails with) the database.
 */
@Component
class ImageMetrics {

    private static final Logger log = LoggerFactory.getLogger(ImageMetrics.class);

    private final ImageCatalogStore store;
    private final Map<ImageStatus, AtomicLong> counts = new EnumMap<>(ImageStatus.class);

    ImageMetrics(ImageCatalogStore store, MeterRegistry meters) {
        this.store = store;
        for (ImageStatus status : ImageStatus.values()) {
            AtomicLong count = new AtomicLong();
            counts.put(status, count);
            Gauge.builder("habitus.images", count, AtomicLong::get)
                    .description("Images per status")
                    .tag("status", status.name())
                    .register(meters);
        }
    }

    @Scheduled(fixedDelayString = "${habitus.image.metrics-interval:30s}", initialDelayString = "1s")
    void refresh() {
        try {
            Map<ImageStatus, Long> current = store.countByStatus();
            counts.forEach((status, count) -> count.set(current.getOrDefault(status, 0L)));
        } catch (RuntimeException e) {
            log.debug("counting images per status failed: {}", e.getMessage());
        }
    }
}
