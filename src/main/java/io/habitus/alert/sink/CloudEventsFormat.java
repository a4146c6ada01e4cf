package io.habitus.alert.sink;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import io.habitus.alert.Alert;
import io.habitus.alert.AlertProperties;
import io.habitus.alert.AlertSink;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * CloudEvents 1.0 over HTTP in structured content mode, written by the CloudEvents SDK's JSON event
 * format: {@code specversion}, {@code id} (the delivery id, the same on every retry), {@code source}
 * ({@code habitus.alerts.public-url}, else {@code /habitus}), {@code type} ({@code io.habitus.audit.opened},
 * {@code io.habitus.incident.opened}, {@code io.habitus.incident.severity-raised}), {@code subject}
 * ({@code audits/17}), {@code time}, {@code datacontenttype: application/json}, the {@code severity}
 * extension and the alert as {@code data}. One event per request ({@code application/cloudevents+json})
 * unless the sink's batch size is above one: then a JSON array ({@code application/cloudevents-batch+json}).
 * Signed like the webhook when the sink has a secret.
 */
@Component
public class CloudEventsFormat extends SinkFormat {

    public static final MediaType STRUCTURED = MediaType.parseMediaType(JsonFormat.CONTENT_TYPE);
    public static final MediaType BATCH = MediaType.parseMediaType("application/cloudevents-batch+json");

    private static final JsonFormat FORMAT = new JsonFormat();

    private final JsonMapper json;
    private final URI source;

    CloudEventsFormat(JsonMapper json, AlertProperties properties) {
        this.json = json;
        this.source = properties.publicUrl() != null ? properties.publicUrl() : URI.create("/habitus");
    }

    @Override
    protected byte[] body(AlertSink sink, List<Delivery> deliveries) {
        if (sink.batchSize() == 1) {
            return FORMAT.serialize(event(deliveries.getFirst()));
        }
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        batch.write('[');
        for (int i = 0; i < deliveries.size(); i++) {
            if (i > 0) {
                batch.write(',');
            }
            batch.writeBytes(FORMAT.serialize(event(deliveries.get(i))));
        }
        batch.write(']');
        return batch.toByteArray();
    }

    @Override
    protected MediaType contentType(AlertSink sink, List<Delivery> deliveries) {
        return sink.batchSize() == 1 ? STRUCTURED : BATCH;
    }

    @Override
    protected HttpHeaders headers(AlertSink sink, List<Delivery> deliveries, byte[] body, Instant now) {
        HttpHeaders headers = new HttpHeaders();
        sign(sink, headers, body, now);
        return headers;
    }

    CloudEvent event(Delivery delivery) {
        Alert alert = delivery.alert();
        return CloudEventBuilder.v1()
                .withId(delivery.deliveryId().toString())
                .withSource(source)
                .withType(alert.type())
                .withSubject(alert.subject())
                .withTime(alert.time().atOffset(ZoneOffset.UTC))
                .withExtension("severity", alert.severity().name())
                .withDataContentType("application/json")
                .withData(json.writeValueAsBytes(alert))
                .build();
    }
}
