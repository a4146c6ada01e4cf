package io.habitus.alert.internal;

import io.habitus.alert.AlertSink;
import io.habitus.alert.sink.SinkRequest;
import io.micrometer.common.KeyValue;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.observation.ClientHttpObservationDocumentation;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.client.observation.DefaultClientRequestObservationConvention;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Sends requests to one sink with its timeouts, redirects not followed (a redirect must not carry a
 * signed alert elsewhere). Built from the application's {@link RestClient.Builder}, so requests are
 * observed and carry the trace context; the observation names the sink, never its URL, whose path
 * may be a credential (Slack). Errors are described without the URL too.
 */
final class SinkClient {

    /** What a request came to: the HTTP status (null when there was no answer) and the sink's Retry-After. */
    record Outcome(@Nullable Integer status, @Nullable Duration retryAfter, @Nullable String error) {

        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }

        /** Worth another attempt: no answer, 408, 429 or 5xx. Other answers will not change by trying again. */
        boolean retryable() {
            return status == null || status == 408 || status == 429 || status >= 500;
        }

        String describe() {
            return status == null ? error : "HTTP " + status;
        }
    }

    private final AlertSink sink;
    private final RestClient client;

    SinkClient(AlertSink sink, RestClient.Builder builder, ClientHttpRequestFactoryBuilder<?> requestFactory) {
        this.sink = sink;
        this.client = builder
                .requestFactory(requestFactory.build(HttpClientSettings.defaults()
                        .withTimeouts(sink.connectTimeout(), sink.readTimeout())
                        .withRedirects(HttpRedirects.DONT_FOLLOW)))
                .observationConvention(new SinkObservationConvention(sink))
                .defaultHeader(HttpHeaders.USER_AGENT, "Habitus")
                .build();
    }

    Outcome send(SinkRequest request, Instant now) {
        try {
            return client.post().uri(sink.url())
                    .contentType(request.contentType())
                    .headers(h -> h.addAll(request.headers()))
                    .body(request.body())
                    .exchange((req, res) -> new Outcome(res.getStatusCode().value(),
                            retryAfter(res.getHeaders().getFirst(HttpHeaders.RETRY_AFTER), now), null));
        } catch (RestClientException e) {
            return new Outcome(null, null, describe(e));
        }
    }

    /** The innermost cause, without the URL (which a message may quote). */
    private String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        String url = sink.url().toString();
        message = message.replace(url, sink.target());
        String path = sink.url().getRawPath();
        if (path != null && path.length() > 1) {
            message = message.replace(path, "/…");
        }
        return root.getClass().getSimpleName() + message;
    }

    static @Nullable Duration retryAfter(@Nullable String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(now, ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException neither) {
                return null;
            }
        }
    }

    /** Tags a sink's requests with its name instead of the URL path (metrics) and target (traces). */
    private static final class SinkObservationConvention extends DefaultClientRequestObservationConvention {

        private final AlertSink sink;

        SinkObservationConvention(AlertSink sink) {
            this.sink = sink;
        }

        @Override
        protected KeyValue uri(ClientRequestObservationContext context) {
            return KeyValue.of(ClientHttpObservationDocumentation.LowCardinalityKeyNames.URI, "alert-sink:" + sink.name());
        }

        @Override
        protected KeyValue requestUri(ClientRequestObservationContext context) {
            return KeyValue.of(ClientHttpObservationDocumentation.HighCardinalityKeyNames.HTTP_URL, sink.target());
        }
    }
}
