package io.habitus.ingest.internal;

import io.habitus.ingest.EventType;
import io.habitus.ingest.RuntimeEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Ingest's meters: {@code habitus.ingest.events} by outcome (accepted, rejected, duplicate) and
 * event type, and {@code habitus.ingest.batch.duration}.
 */
@Component
public class IngestMetrics {

    private static final String UNKNOWN_TYPE = "unknown";

    private final MeterRegistry meters;
    private final Map<EventType, Counter> accepted = new EnumMap<>(EventType.class);
    private final Counter duplicate;
    private final Timer batches;

    IngestMetrics(MeterRegistry meters) {
        this.meters = meters;
        for (EventType type : EventType.values()) {
            accepted.put(type, counter("accepted", type.wireName()));
        }
        this.duplicate = counter("duplicate", "any");
        this.batches = Timer.builder("habitus.ingest.batch.duration")
                .description("Time to validate and durably store one batch")
                .publishPercentileHistogram()
                .register(meters);
    }

    public Timer batches() {
        return batches;
    }

    public void accepted(List<RuntimeEvent> events) {
        events.forEach(e -> accepted.get(e.type()).increment());
    }

    /** Rejected events, counted by the type they claimed when it is one. */
    public void rejected(List<JsonNode> events, List<Integer> indexes) {
        for (int index : indexes) {
            JsonNode type = events.get(index) == null ? null : events.get(index).get("type");
            String name = UNKNOWN_TYPE;
            if (type != null && type.isString()) {
                try {
                    name = EventType.fromWireName(type.stringValue()).wireName();
                } catch (IllegalArgumentException notAType) {
                    name = UNKNOWN_TYPE;
                }
            }
            counter("rejected", name).increment();
        }
    }

    public void duplicate(int events) {
        duplicate.increment(events);
    }

    private Counter counter(String outcome, String type) {
        return Counter.builder("habitus.ingest.events")
                .description("Events received, by outcome and event type")
                .tag("outcome", outcome)
                .tag("type", type)
                .register(meters);
    }
}
