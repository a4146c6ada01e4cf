package io.habitus.alert.sink;

import io.habitus.alert.AlertSink;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The generic JSON webhook: {@code {"alerts": [{"id": <delivery id>, "type": …, …}]}}, the
 * {@code Habitus-Signature} header when the sink has a secret, and {@code Habitus-Delivery}: an id of
 * the request's set of alerts, the same when the same set is sent again. Receivers deduplicate on
 * each alert's {@code id}, which never changes between retries.
 */
@Component
public class WebhookFormat extends SinkFormat {

    public static final String DELIVERY_HEADER = "Habitus-Delivery";

    private final JsonMapper json;

    WebhookFormat(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected byte[] body(AlertSink sink, List<Delivery> deliveries) {
        ObjectNode root = json.createObjectNode();
        ArrayNode alerts = root.putArray("alerts");
        for (Delivery d : deliveries) {
            ObjectNode alert = alerts.addObject();
            alert.put("id", d.deliveryId().toString());
            alert.setAll((ObjectNode) json.valueToTree(d.alert()));
        }
        return json.writeValueAsBytes(root);
    }

    @Override
    protected MediaType contentType(AlertSink sink, List<Delivery> deliveries) {
        return MediaType.APPLICATION_JSON;
    }

    @Override
    protected HttpHeaders headers(AlertSink sink, List<Delivery> deliveries, byte[] body, Instant now) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(DELIVERY_HEADER, batchId(deliveries).toString());
        sign(sink, headers, body, now);
        return headers;
    }

    static UUID batchId(List<Delivery> deliveries) {
        if (deliveries.size() == 1) {
            return deliveries.getFirst().deliveryId();
        }
        StringBuilder ids = new StringBuilder();
        deliveries.forEach(d -> ids.append(d.deliveryId()).append(','));
        return UUID.nameUUIDFromBytes(ids.toString().getBytes(StandardCharsets.US_ASCII));
    }
}
