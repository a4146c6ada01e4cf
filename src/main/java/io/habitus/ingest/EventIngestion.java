package io.habitus.ingest;

import io.habitus.image.EventSighting;
import io.habitus.image.Images;
import io.habitus.ingest.persistence.BatchLedger;
import io.habitus.ingest.persistence.CopyText;
import io.habitus.ingest.persistence.EventLog;
import io.habitus.ingest.persistence.EventRow;
import io.habitus.ingest.persistence.StoredBatch;
import io.habitus.shared.FieldError;
import io.habitus.shared.ImageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Takes a batch from an agent: validates each event, then in one transaction claims the batchId,
 * writes the valid events, registers their images and containers and announces them. The answer
 * is given only after that transaction committed, so an acknowledged event is durable.
 */
@Service
public class EventIngestion {

    private final EventValidator validator;
    private final BatchLedger ledger;
    private final EventLog log;
    private final Images images;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final IngestProperties properties;
    private final Clock clock;
    private final IngestMetrics metrics;

    EventIngestion(EventValidator validator, BatchLedger ledger, EventLog log, Images images,
            ApplicationEventPublisher events, TransactionTemplate transaction, IngestProperties properties,
            Clock clock, IngestMetrics metrics) {
        this.validator = validator;
        this.ledger = ledger;
        this.log = log;
        this.images = images;
        this.events = events;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
        this.metrics = metrics;
    }

    public IngestReceipt ingest(IncomingBatch batch) {
        if (batch.events().size() > properties.maxEventsPerBatch()) {
            throw new TooManyEventsException(batch.events().size(), properties.maxEventsPerBatch());
        }
        return metrics.batches().record(() -> {
            IngestReceipt receipt = ledger.find(batch.batchId()).map(EventIngestion::duplicate)
                    .orElseGet(() -> store(batch));
            if (receipt.outcome() == IngestReceipt.Outcome.DUPLICATE) {
                metrics.duplicate(receipt.duplicate());
            }
            return receipt;
        });
    }

    /**
     * Validates events that must all be valid together (a score request): each one, and that each
     * container belongs to the image it names. Throws {@link InvalidEventsException} naming every
     * invalid field, {@link TooManyEventsException} over the batch limit.
     */
    public List<RuntimeEvent> validateAll(List<JsonNode> events) {
        if (events.size() > properties.maxEventsPerBatch()) {
            throw new TooManyEventsException(events.size(), properties.maxEventsPerBatch());
        }
        ValidatedBatch validated = validator.validate(events);
        List<FieldError> errors = new ArrayList<>(validated.errors());
        List<ValidatedEvent> valid = withoutForeignContainers(validated.valid(), errors);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::index));
            throw new InvalidEventsException(events.size(), errors);
        }
        return valid.stream().map(ValidatedEvent::event).toList();
    }

    /**
     * Validation, the container check and rendering the COPY data happen before the transaction,
     * so that it holds its locks only for the writes: claim, COPY, catalogue, listeners.
     */
    private IngestReceipt store(IncomingBatch batch) {
        ValidatedBatch validated = validator.validate(batch.events());
        List<FieldError> errors = new ArrayList<>(validated.errors());
        List<ValidatedEvent> accepted = withoutForeignContainers(validated.valid(), errors);
        errors.sort(Comparator.comparing(FieldError::index));
        List<Integer> rejectedIndexes = errors.stream().map(FieldError::index).distinct().toList();
        if (accepted.isEmpty()) {
            metrics.rejected(batch.events(), rejectedIndexes);
            throw new NoValidEventsException(errors);
        }
        Instant receivedAt = clock.instant();
        byte[] rows = CopyText.rows(batch.batchId(), receivedAt, accepted.stream().map(EventIngestion::row).toList());
        Map<String, ImageDigest> digests = new HashMap<>();
        List<EventSighting> sightings = accepted.stream().map(v -> sighting(v.event(), digests)).toList();
        List<RuntimeEvent> acceptedEvents = accepted.stream().map(ValidatedEvent::event).toList();
        int rejected = rejectedIndexes.size();
        IngestReceipt receipt = transaction.execute(status -> {
            if (!ledger.claim(batch.batchId(), batch.agent(), receivedAt, accepted.size(), errors)) {
                return duplicate(ledger.find(batch.batchId()).orElseThrow());
            }
            log.append(rows);
            images.record(sightings);
            events.publishEvent(new EventsAccepted(batch.batchId(), batch.agent().id(), batch.agent().droppedEvents(),
                    acceptedEvents));
            return new IngestReceipt(batch.batchId(), IngestReceipt.Outcome.STORED, accepted.size(), 0, rejected, errors);
        });
        if (receipt.outcome() == IngestReceipt.Outcome.STORED) {
            metrics.accepted(acceptedEvents);
            metrics.rejected(batch.events(), rejectedIndexes);
        }
        return receipt;
    }

    /** A container belongs to one image: events naming another image for a known container are refused. */
    private List<ValidatedEvent> withoutForeignContainers(List<ValidatedEvent> valid, List<FieldError> errors) {
        Map<String, ImageDigest> owners = new HashMap<>(images.imagesOf(
                valid.stream().map(v -> v.event().container().id()).distinct().toList()));
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
