package io.habitus.alert;

import io.habitus.incident.Severity;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * One place alerts go ({@code habitus.alerts.sinks[n]}). The URL and the secret are secrets (a Slack
 * webhook URL is its own credential): neither is logged, listed by the API or shown by
 * {@link #toString()}; give them from the environment (e.g. {@code HABITUS_ALERTS_SINKS_0_URL}).
 *
 * @param name          names the sink in metrics, logs and the API (lower case, digits, dashes)
 * @param secret        WEBHOOK and CLOUDEVENTS: the HMAC-SHA256 key of the {@code Habitus-Signature} header
 * @param takes         audits, incidents or both
 * @param minSeverity   alerts below it are not sent here (audits: VIOLATION is HIGH, ANOMALOUS MEDIUM)
 * @param maxBatchSize  alerts per request (default per type: {@link SinkType#defaultBatchSize()})
 * @param maxBodySize   largest request body; a batch that would be larger is split
 * @param maxAttempts   a delivery is given up (FAILED) after this many attempts …
 * @param maxAge        … or once it is this old
 * @param jitter        spread of each backoff, as a share of it (0.5: from half to one and a half times)
 */
public record AlertSink(
        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}") String name,
        @NotNull SinkType type,
        @NotNull URI url,
        @Nullable String secret,
        @NotEmpty @DefaultValue({"AUDITS", "INCIDENTS"}) Set<AlertKind> takes,
        @NotNull @DefaultValue("LOW") Severity minSeverity,
        @Nullable @Min(1) @Max(1000) Integer maxBatchSize,
        @NotNull @DefaultValue("1MB") DataSize maxBodySize,
        @NotNull @DefaultValue("2s") Duration connectTimeout,
        @NotNull @DefaultValue("10s") Duration readTimeout,
        @Min(1) @DefaultValue("20") int maxAttempts,
        @NotNull @DefaultValue("24h") Duration maxAge,
        @NotNull @DefaultValue("1s") Duration initialBackoff,
        @NotNull @DefaultValue("5m") Duration maxBackoff,
        @DecimalMin("1.0") @DecimalMax("10.0") @DefaultValue("2.0") double multiplier,
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.5") double jitter) {

    public AlertSink {
        takes = takes == null || takes.isEmpty() ? EnumSet.allOf(AlertKind.class) : EnumSet.copyOf(takes);
        if (url != null && !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException("habitus.alerts.sinks: the url of sink '" + name + "' must be http(s)");
        }
        if (secret != null && secret.isBlank()) {
            secret = null;
        }
    }

    public int batchSize() {
        return maxBatchSize != null ? maxBatchSize : type.defaultBatchSize();
    }

    /** Whether an alert of this kind and severity goes here. */
    public boolean accepts(AlertKind kind, Severity severity) {
        return takes.contains(kind) && severity.compareTo(minSeverity) >= 0;
    }

    /** Scheme, host and port only: the path and query of a webhook URL may be its credential. */
    public String target() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    @Override
    public String toString() {
        return "AlertSink[name=" + name + ", type=" + type + ", target=" + target() + ", secret="
                + (secret == null ? "none" : "(set)") + ", takes=" + takes + ", minSeverity=" + minSeverity + "]";
    }
}
