package io.habitus.alert.internal;

import io.habitus.alert.AlertProperties;
import io.habitus.alert.sink.AlertmanagerFormat;
import io.habitus.alert.sink.CloudEventsFormat;
import io.habitus.alert.sink.SinkFormat;
import io.habitus.alert.sink.SlackFormat;
import io.habitus.alert.sink.WebhookFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The configured sinks, each with the format of its type and a client of its own. */
@Component
class SinkChannels {

    private final List<SinkChannel> channels;

    SinkChannels(AlertProperties properties, ObjectProvider<RestClient.Builder> builders,
            ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactories, WebhookFormat webhook, SlackFormat slack,
            AlertmanagerFormat alertmanager, CloudEventsFormat cloudEvents) {
        ClientHttpRequestFactoryBuilder<?> requestFactory = requestFactories.getIfAvailable(ClientHttpRequestFactoryBuilder::jdk);
        this.channels = properties.sinks().stream().map(sink -> {
            SinkFormat format = switch (sink.type()) {
                case WEBHOOK -> webhook;
                case SLACK -> slack;
                case ALERTMANAGER -> alertmanager;
                case CLOUDEVENTS -> cloudEvents;
            };
            // The builder bean is a prototype: each sink configures a builder of its own.
            RestClient.Builder builder = builders.getIfAvailable(RestClient::builder);
            return new SinkChannel(sink, format, new SinkClient(sink, builder, requestFactory), new AtomicBoolean());
        }).toList();
    }

    List<SinkChannel> all() {
        return channels;
    }
}
