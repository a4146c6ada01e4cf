package io.habitus.ingest;

import io.habitus.image.EventSighting;
import io.habitus.shared.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A batch validated and rendered, ready for {@link EventIngestion#storeAll}: the events it accepted
 * (in request order) and the rejections. What it writes stays inside the module.
 */
public final class PreparedBatch {

    final IncomingBatch batch;
    private final List<RuntimeEvent> events;
    final List<FieldError> errors;
    final List<Integer> rejectedIndexes;
    final Instant receivedAt;
    final byte[] rows;
    final List<EventSighting> sightings;

    PreparedBatch(IncomingBatch batch, List<RuntimeEvent> events, List<FieldError> errors, List<Integer> rejectedIndexes,
            Instant receivedAt, byte[] rows, List<EventSighting> sightings) {
        this.batch = batch;
        this.events = List.copyOf(events);
        this.errors = List.copyOf(errors);
        this.rejectedIndexes = List.copyOf(rejectedIndexes);
        this.receivedAt = receivedAt;
        this.rows = rows;
        this.sightings = List.copyOf(sightings);
    }

    public String batchId() {
        return batch.batchId();
    }

    /** Whether the sending agent lost events before this batch (its learning window becomes partial). */
    public boolean agentDroppedEvents() {
        return batch.agent().droppedEvents();
    }

    /** The accepted events, in request order. */
    public List<RuntimeEvent> events() {
        return events;
    }

    /** The request positions of the accepted events, in order: all but the rejected ones. */
    public List<Integer> acceptedIndexes() {
        Set<Integer> skip = new HashSet<>(rejectedIndexes);
        List<Integer> indexes = new ArrayList<>(events.size());
        for (int i = 0; i < batch.events().size(); i++) {
            if (!skip.contains(i)) {
                indexes.add(i);
            }
        }
        return indexes;
    }
}
