package io.habitus.ingest.internal;

import io.habitus.ingest.persistence.EventLog;
import io.habitus.ingest.persistence.StoredEvent;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads stored raw events back, per container and time range. */
@Service
public class EventHistory {

    private final EventLog log;

    EventHistory(EventLog log) {
        this.log = log;
    }

    @Transactional(readOnly = true)
    public List<StoredEvent> of(String containerId, Instant from, Instant to, int limit) {
        return log.read(containerId, from, to, limit);
    }
}
