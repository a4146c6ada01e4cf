package io.habitus.alert.sink;

import io.habitus.alert.Alert;
import io.habitus.alert.AlertSink;
import io.habitus.incident.Severity;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Alertmanager's {@code POST /api/v2/alerts} body: an array of {@code postableAlert}s with
 * {@code labels} (alertname, severity as critical/warning/info, image, container, namespace, pod,
 * node, cluster, and the audit or incident id, which keeps two alerts of one container apart),
 * {@code annotations} (summary, description, resource), {@code startsAt} and, with
 * {@code habitus.alerts.public-url}, {@code generatorURL}. No {@code endsAt}: Alertmanager resolves
 * the alert after its {@code resolve_timeout}, as it does for alerts that are not sent again.
 */
@Component
public class AlertmanagerFormat extends SinkFormat {

    private final JsonMapper json;

    AlertmanagerFormat(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected byte[] body(AlertSink sink, List<Delivery> deliveries) {
        ArrayNode alerts = json.createArrayNode();
        for (Delivery d : deliveries) {
            Alert alert = d.alert();
            ObjectNode posted = alerts.addObject();
            ObjectNode labels = posted.putObject("labels");
            labels.put("alertname", alert.audit() != null ? "HabitusDeviation" : "HabitusIncident");
            labels.put("severity", severity(alert.severity()));
            put(labels, "image", alert.image().name() != null ? alert.image().name() : alert.image().digest());
            put(labels, "image_digest", alert.image().digest());
            put(labels, "container", alert.container().id());
            put(labels, "namespace", alert.container().namespace());
            put(labels, "pod", alert.container().pod());
            put(labels, "node", alert.container().node());
            put(labels, "cluster", alert.container().cluster());
            if (alert.audit() != null) {
                labels.put("verdict", alert.audit().verdict().name());
                labels.put("audit_id", Long.toString(alert.audit().id()));
            } else {
                labels.put("incident_id", Long.toString(alert.incident().id()));
            }
            ObjectNode annotations = posted.putObject("annotations");
            annotations.put("summary", alert.summary());
            annotations.put("description", alert.description());
            annotations.put("resource", alert.resource());
            annotations.put("delivery_id", d.deliveryId().toString());
            posted.put("startsAt", alert.time().toString());
            if (alert.resource().startsWith("http")) {
                posted.put("generatorURL", alert.resource());
            }
        }
        return json.writeValueAsBytes(alerts);
    }

    @Override
    protected MediaType contentType(AlertSink sink, List<Delivery> deliveries) {
        return MediaType.APPLICATION_JSON;
    }

    /** Alertmanager's own convention for the severity label. */
    static String severity(Severity severity) {
        return Map.of(Severity.HIGH, "critical", Severity.MEDIUM, "warning", Severity.LOW, "info").get(severity);
    }

    private static void put(ObjectNode labels, String name, String value) {
        if (value != null && !value.isBlank()) {
            labels.put(name, value);
        }
    }
}
