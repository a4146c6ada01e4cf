package io.habitus.alert;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Alert sinks and how their deliveries are worked off.
 *
 * @param publicUrl          where people reach this service (e.g. {@code https://habitus.example.com}): alerts link
 *                           to their audit or incident there; without it they carry the API path only
 * @param pollInterval       how often each replica looks for due deliveries while a sink has none
 * @param lease              how long a worker holds the deliveries it is sending; a replica killed mid-request
 *                           leaves them to be sent again once it runs out (keep it above every read timeout)
 * @param deliveredRetention delivered rows are deleted after this long
 * @param failedRetention    given-up rows are kept (visible, retryable) for this long
 * @param sinks              where alerts go; none by default
 */
@Validated
@ConfigurationProperties("habitus.alerts")
public record AlertProperties(
        @Nullable URI publicUrl,
        @NotNull @DefaultValue("500ms") Duration pollInterval,
        @NotNull @DefaultValue("60s") Duration lease,
        @NotNull @DefaultValue("7d") Duration deliveredRetention,
        @NotNull @DefaultValue("30d") Duration failedRetention,
        @Valid @DefaultValue List<AlertSink> sinks) {

    public AlertProperties {
        sinks = sinks == null ? List.of() : List.copyOf(sinks);
        Set<String> names = new HashSet<>();
        for (AlertSink sink : sinks) {
            if (!names.add(sink.name())) {
                throw new IllegalArgumentException("habitus.alerts.sinks: the name '" + sink.name() + "' is used twice");
            }
            if (lease.compareTo(sink.readTimeout().plus(sink.connectTimeout())) <= 0) {
                throw new IllegalArgumentException("habitus.alerts.lease (" + lease + ") must be longer than sink '"
                        + sink.name() + "''s connect and read timeouts together");
            }
        }
    }

    /** Whether any sink takes alerts of this kind (no publication is recorded for nobody). */
    public boolean anySinkTakes(AlertKind kind) {
        return sinks.stream().anyMatch(s -> s.takes().contains(kind));
    }
}
