package io.habitus.alert.sink;

import io.habitus.alert.Alert;
import io.habitus.alert.AlertSink;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Slack-compatible incoming webhook message: {@code text} (what the notification shows) and one
 * {@code section} block per alert — severity, what happened, where, and a link to the audit or
 * incident (a link only when {@code habitus.alerts.public-url} makes it absolute). Text is escaped as
 * Slack's mrkdwn asks ({@code & < >}) and cut below Slack's 3,000 characters per block.
 */
@Component
public class SlackFormat extends SinkFormat {

    private static final int MAX_BLOCK_TEXT = 2900;

    private final JsonMapper json;

    SlackFormat(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected byte[] body(AlertSink sink, List<Delivery> deliveries) {
        ObjectNode message = json.createObjectNode();
        Alert first = deliveries.getFirst().alert();
        message.put("text", escape(deliveries.size() == 1 ? "Habitus: " + first.summary()
                : "Habitus: " + deliveries.size() + " alerts, first: " + first.summary()));
        ArrayNode blocks = message.putArray("blocks");
        for (Delivery d : deliveries) {
            ObjectNode section = blocks.addObject();
            section.put("type", "section");
            ObjectNode text = section.putObject("text");
            text.put("type", "mrkdwn");
            text.put("text", cut(line(d.alert())));
        }
        return json.writeValueAsBytes(message);
    }

    @Override
    protected MediaType contentType(AlertSink sink, List<Delivery> deliveries) {
        return MediaType.APPLICATION_JSON;
    }

    private static String line(Alert alert) {
        String link = alert.resource().startsWith("http")
                ? "<" + alert.resource() + "|" + escape(alert.subject()) + ">" : escape(alert.resource());
        return "*" + alert.severity() + "* " + escape(alert.summary()) + "\n" + escape(alert.description()) + "\n" + link;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String cut(String text) {
        return text.length() <= MAX_BLOCK_TEXT ? text : text.substring(0, MAX_BLOCK_TEXT) + "…";
    }
}
