package io.habitus.image;

import io.habitus.image.persistence.ImageCatalogStore;
import io.habitus.image.persistence.SightingTotals;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Event counts and first/last-seen times of images, names and containers, summed in memory and
 * written once a second. Every batch of an image used to update the same image row inside its
 * transaction, so concurrent batches queued behind that row lock (bench/README.md). The counts
 * are statistics derived from the stored events; a crash loses at most the last second of them,
 * never an event. Reads on this replica flush first, so they see their own writes.
 */
@Component
class ImageStatistics {

    private static final Logger log = LoggerFactory.getLogger(ImageStatistics.class);

    private final ImageCatalogStore store;
    private final TransactionTemplate transaction;
    private SightingTotals pending = new SightingTotals();

    ImageStatistics(ImageCatalogStore store, PlatformTransactionManager transactions) {
        this.store = store;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    synchronized void add(SightingTotals totals) {
        pending.merge(totals);
    }

    /** Writes what is pending; on failure keeps it for the next attempt. */
    void flush() {
        SightingTotals taken;
        synchronized (this) {
            if (pending.isEmpty()) {
                return;
            }
            taken = pending;
            pending = new SightingTotals();
        }
        try {
            transaction.executeWithoutResult(status -> store.add(taken));
        } catch (RuntimeException e) {
            add(taken);
            throw e;
        }
    }

    @Scheduled(fixedDelayString = "${habitus.image.statistics-interval:1s}")
    void flushPeriodically() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("writing image statistics failed; keeping them for the next attempt: {}", e.getMessage());
        }
    }

    @PreDestroy
    void flushOnShutdown() {
        flushPeriodically();
    }
}
