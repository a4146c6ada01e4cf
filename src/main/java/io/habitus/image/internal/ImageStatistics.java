package io.habitus.image.internal;

import io.habitus.image.persistence.ImageCatalogStore;
import io.habitus.image.persistence.SightingTotals;
import io.habitus.shared.database.PendingWrites;
import jakarta.annotation.PreDestroy;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Event counts and first/last-seen times of images, names and containers, summed in memory and
 * written once a second ({@link PendingWrites}). They are statistics derived from the stored
 * events; a crash loses at most the last second of them, never an event. Reads on this replica
 * flush first, so they see their own writes.
 */
@Component
public class ImageStatistics {

    private final PendingWrites<SightingTotals> pending;

    ImageStatistics(ImageCatalogStore store, PlatformTransactionManager transactions) {
        this.pending = new PendingWrites<>("image statistics", transactions, SightingTotals::new, (into, delta) -> {
            into.merge(delta);
            return into;
        }, SightingTotals::isEmpty, store::add);
    }

    public void add(SightingTotals totals) {
        pending.add(totals);
    }

    public void flush() {
        pending.flush();
    }

    @Scheduled(fixedDelayString = "${habitus.image.statistics-interval:1s}")
    @PreDestroy
    void flushPeriodically() {
        pending.flushOrKeep();
    }
}
