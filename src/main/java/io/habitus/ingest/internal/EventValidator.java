package io.habitus.ingest.internal;

import io.habitus.ingest.IngestProperties;
import io.habitus.ingest.RuntimeEvent;
import io.habitus.shared.FieldError;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Checks each event of a batch on its own and says, per rejected event, which field broke which
 * rule. Order of checks: shape and limits of the raw JSON, fields and their types, the section
 * its type requires, and finally whether its time lies inside the stored window.
 */
@Component
public class EventValidator {

    private final IngestProperties properties;
    private final Clock clock;

    EventValidator(IngestProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** @param plainStrings the events' strings are known to hold nothing PostgreSQL cannot store ({@code IncomingBatch}) */
    public ValidatedBatch validate(List<JsonNode> events, boolean plainStrings) {
        Instant now = clock.instant();
        Instant oldest = now.minus(properties.retention());
        Instant newest = now.plus(properties.maxClockSkew());
        List<ValidatedEvent> valid = new ArrayList<>(events.size());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            List<FieldError> eventErrors = new ArrayList<>(1);
            RuntimeEvent event = check(i, events.get(i), oldest, newest, plainStrings, eventErrors);
            if (eventErrors.isEmpty()) {
                valid.add(new ValidatedEvent(i, event, events.get(i)));
            } else {
                errors.addAll(eventErrors);
            }
        }
        return new ValidatedBatch(valid, errors);
    }

    private @Nullable RuntimeEvent check(int index, @Nullable JsonNode node, Instant oldest, Instant newest, boolean plainStrings,
            List<FieldError> errors) {
        if (node == null || !node.isObject()) {
            errors.add(new FieldError(index, "(event)", "must be a JSON object"));
            return null;
        }
        FieldError limitBroken = RawEventLimits.check(index, node, properties.maxStringLength(), properties.maxArgs(), plainStrings);
        if (limitBroken != null) {
            errors.add(limitBroken);
            return null;
        }
        RuntimeEvent event = EventReader.read(index, node, errors);
        if (event == null) {
            return null;
        }
        String missing = switch (event.type().requiredSection()) {
            case FILE -> event.file() == null ? "file" : null;
            case NETWORK -> event.network() == null ? "network" : null;
            case SYSCALL -> event.syscall() == null ? "syscall" : null;
            case NONE -> null;
        };
        if (missing != null) {
            errors.add(new FieldError(index, missing, "is required for events of type " + event.type().wireName()));
        } else if (event.time().isBefore(oldest)) {
            errors.add(new FieldError(index, "time", "is older than the retention period (" + properties.retention() + ")"));
        } else if (event.time().isAfter(newest)) {
            errors.add(new FieldError(index, "time", "lies more than " + properties.maxClockSkew() + " in the future"));
        }
        return event;
    }

}
