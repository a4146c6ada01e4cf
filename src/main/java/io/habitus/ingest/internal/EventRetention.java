package io.habitus.ingest.internal;

import io.habitus.ingest.IngestProperties;
import io.habitus.ingest.persistence.BatchLedger;
import io.habitus.ingest.persistence.EventPartitions;
import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the event store inside its retention window: partitions exist for every accepted day
 * (created at startup, before the web server takes requests, and hourly after), and data older
 * than the retention period goes.
 */
@Component
class EventRetention {

    private static final Logger log = LoggerFactory.getLogger(EventRetention.class);

    private final EventPartitions partitions;
    private final BatchLedger ledger;
    private final IngestProperties properties;
    private final Clock clock;

    EventRetention(EventPartitions partitions, BatchLedger ledger, IngestProperties properties, Clock clock) {
        this.partitions = partitions;
        this.ledger = ledger;
        this.properties = properties;
        this.clock = clock;
    }

    @PostConstruct
    void prepare() {
        maintainPartitions();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
    void hourly() {
        try {
            maintainPartitions();
            forgetOldBatches();
        } catch (RuntimeException e) {
            log.warn("event retention upkeep failed; retrying in an hour: {}", e.getMessage());
        }
    }

    void maintainPartitions() {
        Instant now = clock.instant();
        LocalDate oldest = LocalDate.ofInstant(now.minus(properties.retention()), ZoneOffset.UTC);
        LocalDate newest = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(properties.partitionsAhead());
        partitions.maintain(oldest, newest);
    }

    void forgetOldBatches() {
        int forgotten = ledger.forgetReceivedBefore(clock.instant().minus(properties.retention()));
        if (forgotten > 0) {
            log.info("forgot {} batch ids older than the retention period", forgotten);
        }
    }
}
