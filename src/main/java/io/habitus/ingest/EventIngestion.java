package io.habitus.ingest;

import io.habitus.image.EventSighting;
import io.habitus.image.Images;
import io.habitus.ingest.internal.EventValidator;
import io.habitus.ingest.internal.IngestMetrics;
import io.habitus.ingest.internal.TooManyEventsException;
import io.habitus.ingest.internal.ValidatedBatch;
import io.habitus.ingest.internal.ValidatedEvent;
import io.habitus.ingest.persistence.BatchLedger;
import io.habitus.ingest.persistence.CopyText;
import io.habitus.ingest.persistence.EventLog;
import io.habitus.ingest.persistence.EventRow;
import io.habitus.ingest.persistence.StoredBatch;
import io.habitus.shared.FieldError;
import io.habitus.shared.ImageDigest;
import io.habitus.shared.database.AfterCommit;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The front door's two steps of the event pipeline: {@link #prepare} validates a batch and renders
 * its rows outside any transaction, {@link #storeAll} claims the batchId and writes the rows, images
 * and containers inside the pipeline's transaction. The caller acknowledges only after that
 * transaction committed, so an acknowledged event is durable.
 */
@Service
public class EventIngestion {

    private final EventValidator validator;
    private final BatchLedger ledger;
    private final EventLog log;
    private final Images images;
    private final IngestProperties properties;
    private final Clock clock;
    private final IngestMetrics metrics;

    EventIngestion(EventValidator validator, BatchLedger ledger, EventLog log, Images images,
            IngestProperties properties, Clock clock, IngestMetrics metrics) {
        this.validator = validator;
        this.ledger = ledger;
        this.log = log;
        this.images = images;
        this.properties = properties;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The receipt of an earlier delivery of this batchId, if there was one: a retry is answered without work. */
    public Optional<IngestReceipt> earlierDelivery(String batchId) {
        Optional<IngestReceipt> earlier = ledger.find(batchId).map(EventIngestion::duplicate);
        earlier.ifPresent(r -> metrics.duplicate(r.duplicate()));
        return earlier;
    }

    /**
     * Validates each event on its own and renders the rows of the valid ones, outside the
     * transaction, so that it holds its locks only for the writes. Throws
     * {@link TooManyEventsException} over the batch limit and {@link NoValidEventsException} when
     * nothing is left to store.
     */
    public PreparedBatch prepare(IncomingBatch batch) {
        return prepare(batch, false);
    }

    /**
     * {@link #prepare} for a batch whose events must all be valid together (a committed score call):
     * throws {@link InvalidEventsException} naming every invalid field, as {@link #validateAll} does,
     * so that such a batch is validated once.
     */
    public PreparedBatch prepareAllValid(IncomingBatch batch) {
        return prepare(batch, true);
    }

    private PreparedBatch prepare(IncomingBatch batch, boolean allValid) {
        if (batch.events().size() > properties.maxEventsPerBatch()) {
            throw new TooManyEventsException(batch.events().size(), properties.maxEventsPerBatch());
        }
        ValidatedBatch validated = validator.validate(batch.events(), batch.plainStrings());
        List<FieldError> errors = new ArrayList<>(validated.errors());
        List<ValidatedEvent> accepted = withoutForeignContainers(validated.valid(), errors, false);
        errors.sort(Comparator.comparing(FieldError::index));
        if (allValid && !errors.isEmpty()) {
            throw new InvalidEventsException(batch.events().size(), errors);
        }
        List<Integer> rejectedIndexes = errors.stream().map(FieldError::index).distinct().toList();
        if (accepted.isEmpty()) {
            metrics.rejected(batch.events(), rejectedIndexes);
            throw new NoValidEventsException(errors);
        }
        Instant receivedAt = clock.instant();
        byte[] rows = CopyText.rows(batch.batchId(), receivedAt, accepted.stream().map(EventIngestion::row).toList(),
                batch.plainStrings());
        Map<String, ImageDigest> digests = new HashMap<>();
        List<EventSighting> sightings = accepted.stream().map(v -> sighting(v.event(), digests)).toList();
        return new PreparedBatch(batch, accepted.stream().map(ValidatedEvent::event).toList(), errors,
                rejectedIndexes, receivedAt, rows, sightings);
    }

    /**
     * Claims the batches' ids (distinct ones) and writes their events, images and containers in the
     * caller's transaction, in one go: one round trip claims them all, one COPY writes the events of
     * those claimed, one catalogue update registers their images and containers. A batchId another
     * delivery claimed first answers DUPLICATE and writes nothing. One receipt per batch, in order;
     * the events are counted once the transaction committed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<IngestReceipt> storeAll(List<PreparedBatch> batches) {
        boolean[] claimed = ledger.claimAll(batches.stream().map(p -> new BatchLedger.Claim(p.batch.batchId(), p.batch.agent(),
                p.receivedAt, p.events().size(), p.errors)).toList());
        List<IngestReceipt> receipts = new ArrayList<>(batches.size());
        List<PreparedBatch> stored = new ArrayList<>(batches.size());
        List<EventSighting> sightings = new ArrayList<>();
        int bytes = 0;
        for (int i = 0; i < batches.size(); i++) {
            PreparedBatch prepared = batches.get(i);
            if (!claimed[i]) {
                IngestReceipt earlier = duplicate(ledger.find(prepared.batch.batchId()).orElseThrow());
                AfterCommit.run(() -> metrics.duplicate(earlier.duplicate()));
                receipts.add(earlier);
                continue;
            }
            stored.add(prepared);
            sightings.addAll(prepared.sightings);
            bytes += prepared.rows.length;
            receipts.add(new IngestReceipt(prepared.batch.batchId(), IngestReceipt.Outcome.STORED, prepared.events().size(), 0,
                    prepared.rejectedIndexes.size(), prepared.errors));
        }
        if (stored.isEmpty()) {
            return receipts;
        }
        byte[] rows = new byte[bytes];
        int at = 0;
        for (PreparedBatch prepared : stored) {
            System.arraycopy(prepared.rows, 0, rows, at, prepared.rows.length);
            at += prepared.rows.length;
        }
        log.append(rows);
        images.record(sightings);
        AfterCommit.run(() -> stored.forEach(prepared -> {
            metrics.accepted(prepared.events());
            metrics.rejected(prepared.batch.events(), prepared.rejectedIndexes);
        }));
        return receipts;
    }

    /** Times a whole batch, from validation to the acknowledgement. */
    public <T> T timed(Supplier<T> work) {
        return metrics.batches().record(work);
    }

    /**
     * Validates events that must all be valid together (a what-if score request): each one, and that
     * each container belongs to the image it names. Throws {@link InvalidEventsException} naming every
     * invalid field, {@link TooManyEventsException} over the batch limit.
     *
     * @param plainStrings the events' JSON text had no escape ({@link IncomingBatch#plainStrings})
     */
    public List<RuntimeEvent> validateAll(List<JsonNode> events, boolean plainStrings) {
        if (events.size() > properties.maxEventsPerBatch()) {
            throw new TooManyEventsException(events.size(), properties.maxEventsPerBatch());
        }
        ValidatedBatch validated = validator.validate(events, plainStrings);
        List<FieldError> errors = new ArrayList<>(validated.errors());
        List<ValidatedEvent> valid = withoutForeignContainers(validated.valid(), errors, true);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::index));
            throw new InvalidEventsException(events.size(), errors);
        }
        return valid.stream().map(ValidatedEvent::event).toList();
    }


    /**
     * A container belongs to one image: events naming another image for a known container are refused.
     * {@code whatIf}: nothing is stored, so a container found unregistered a moment ago is not looked up again.
     */
    private List<ValidatedEvent> withoutForeignContainers(List<ValidatedEvent> valid, List<FieldError> errors, boolean whatIf) {
        Map<String, ImageDigest> owners = new HashMap<>(images.imagesOf(
                valid.stream().map(v -> v.event().container().id()).distinct().toList(), whatIf));
        List<ValidatedEvent> kept = new ArrayList<>(valid.size());
        Map<String, ImageDigest> digests = new HashMap<>();
        for (ValidatedEvent v : valid) {
            ImageDigest digest = digests.computeIfAbsent(v.event().container().imageDigest(), ImageDigest::new);
            ImageDigest owner = owners.putIfAbsent(v.event().container().id(), digest);
            if (owner == null || owner.equals(digest)) {
                kept.add(v);
            } else {
                errors.add(new FieldError(v.index(), "container.imageDigest",
                        "container " + v.event().container().id() + " belongs to image " + owner));
            }
        }
        return kept;
    }

    private static IngestReceipt duplicate(StoredBatch earlier) {
        return new IngestReceipt(earlier.batchId(), IngestReceipt.Outcome.DUPLICATE, 0, earlier.accepted(),
                earlier.rejected(), earlier.rejections());
    }

    private static EventRow row(ValidatedEvent v) {
        RuntimeEvent e = v.event();
        return new EventRow(e.time(), v.index(), e.type().wireName(), e.container().imageDigest(),
                e.container().id(), e.container().node(), v.raw());
    }

    /** {@code digests} shares one value per digest across a batch's events: validated once, not per event. */
    private static EventSighting sighting(RuntimeEvent e, Map<String, ImageDigest> digests) {
        ContainerRef c = e.container();
        return new EventSighting(digests.computeIfAbsent(c.imageDigest(), ImageDigest::new), c.image(), c.id(), c.node(), c.namespace(),
                c.pod(), c.cluster(), e.type().wireName(), e.time());
    }
}
