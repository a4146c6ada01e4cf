package io.habitus.ingest;

import java.util.List;

/**
 * Published inside ingest's transaction once a batch's events are stored: listeners that run in
 * the same transaction are committed (or rolled back) together with the events.
 *
 * @param agentDroppedEvents whether the sending agent lost events before this batch
 */
public record EventsAccepted(String batchId, String agentId, boolean agentDroppedEvents, List<RuntimeEvent> events) {

    public EventsAccepted {
        events = List.copyOf(events);
    }
}
