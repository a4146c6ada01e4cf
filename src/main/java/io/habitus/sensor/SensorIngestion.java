package io.habitus.sensor;

import io.habitus.ingest.AgentInfo;
import io.habitus.ingest.IncomingBatch;
import io.habitus.ingest.IngestReceipt;
import io.habitus.ingest.NoValidEventsException;
import io.habitus.pipeline.EventPipeline;
import io.habitus.pipeline.Processed;
import io.habitus.sensor.internal.NoStorableEventsException;
import io.habitus.sensor.internal.RecordTranslator;
import io.habitus.sensor.internal.Sensor;
import io.habitus.sensor.internal.SensorBatch;
import io.habitus.sensor.internal.SensorMetrics;
import io.habitus.sensor.internal.SensorReceipt;
import io.habitus.sensor.internal.SkipCount;
import io.habitus.sensor.internal.Translation;
import io.habitus.shared.FieldError;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Ingests a sensor's batch: translates each record, counts the skipped ones by reason, and hands the
 * events to {@link EventPipeline#process} under a batchId made of the sensor and the idempotency key,
 * so that they are validated, stored, learned and judged in one transaction exactly like an agent's
 * batch, and a retry is stored once. Errors name the record's index in the body, not the event's.
 */
@Service
public class SensorIngestion {

    private static final int MAX_AGENT_ID = 200;

    private final Map<Sensor, RecordTranslator> translators = new EnumMap<>(Sensor.class);
    private final EventPipeline pipeline;
    private final SensorMetrics metrics;

    SensorIngestion(List<RecordTranslator> translators, EventPipeline pipeline, SensorMetrics metrics) {
        translators.forEach(t -> this.translators.put(t.sensor(), t));
        this.pipeline = pipeline;
        this.metrics = metrics;
    }

    public SensorReceipt ingest(SensorBatch batch) {
        RecordTranslator translator = Objects.requireNonNull(translators.get(batch.sensor()), "no translator");
        List<JsonNode> events = new ArrayList<>();
        List<Integer> recordOfEvent = new ArrayList<>();
        Map<Translation.Skipped, Integer> skipped = new LinkedHashMap<>();
        List<String> nodes = new ArrayList<>();
        for (int i = 0; i < batch.records().size(); i++) {
            switch (translator.translate(batch.records().get(i))) {
                case Translation.Mapped mapped -> {
                    events.add(mapped.event());
                    recordOfEvent.add(i);
                    nodes.add(mapped.node());
                }
                case Translation.Skipped skip -> skipped.merge(skip, 1, Integer::sum);
            }
        }
        List<SkipCount> skips = skipped.entrySet().stream()
                .map(e -> new SkipCount(e.getKey().reason(), e.getKey().what(), e.getValue())).toList();
        int skippedCount = batch.records().size() - events.size();
        if (events.isEmpty()) {
            metrics.record(batch.sensor(), 0, skips);
            return new SensorReceipt(batch.batchId(), SensorReceipt.Outcome.NOTHING_TO_STORE, batch.records().size(),
                    0, 0, 0, skippedCount, skips, List.of());
        }
        Processed processed;
        try {
            processed = pipeline.process(new IncomingBatch(batch.batchId(), agent(batch.sensor(), nodes), events));
        } catch (NoValidEventsException e) {
            metrics.record(batch.sensor(), events.size(), skips);
            throw new NoStorableEventsException(byRecord(errorsOf(e), recordOfEvent), skips);
        }
        IngestReceipt receipt = processed.receipt();
        if (!processed.isDuplicate()) {
            metrics.record(batch.sensor(), events.size(), skips);
        }
        SensorReceipt.Outcome outcome = processed.isDuplicate() ? SensorReceipt.Outcome.DUPLICATE : SensorReceipt.Outcome.STORED;
        return new SensorReceipt(batch.batchId(), outcome, batch.records().size(), receipt.accepted(),
                receipt.duplicate(), receipt.rejected(), skippedCount, skips, byRecord(receipt.errors(), recordOfEvent));
    }

    /** The sensor, and the node when all events came from one (as from a shipper on each node). */
    private static AgentInfo agent(Sensor sensor, List<String> nodes) {
        List<String> distinct = nodes.stream().filter(Objects::nonNull).distinct().limit(2).toList();
        String id = distinct.size() == 1 && nodes.stream().allMatch(Objects::nonNull)
                ? sensor.wireName() + "/" + distinct.getFirst().replaceAll("\\s", "_")
                : sensor.wireName();
        return new AgentInfo(id.length() > MAX_AGENT_ID ? id.substring(0, MAX_AGENT_ID) : id, null, null, null);
    }

    @SuppressWarnings("unchecked")
    private static List<FieldError> errorsOf(NoValidEventsException e) {
        Map<String, Object> properties = e.getBody().getProperties();
        Object errors = properties == null ? null : properties.get("errors");
        return errors instanceof List<?> list ? (List<FieldError>) list : List.of();
    }

    private static List<FieldError> byRecord(List<FieldError> errors, List<Integer> recordOfEvent) {
        Function<FieldError, FieldError> remap = e -> e.index() == null || e.index() >= recordOfEvent.size() ? e
                : new FieldError(recordOfEvent.get(e.index()), e.field(), e.reason());
        return errors.stream().map(remap).collect(Collectors.toList());
    }
}
