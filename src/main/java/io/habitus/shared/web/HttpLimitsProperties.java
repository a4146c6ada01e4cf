package io.habitus.shared.web;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits that protect every endpoint from unbounded allocation.
 *
 * @param maxBodySize largest request body accepted, counted both on the wire and after gzip
 *     decoding, so that a small compressed bomb is refused as well
 * @param retryAfter what a 503 answer tells clients to wait before retrying
 */
@Validated
@ConfigurationProperties("habitus.http")
public record HttpLimitsProperties(
        @NotNull @DefaultValue("8MB") DataSize maxBodySize,
        @NotNull @DefaultValue("5s") Duration retryAfter) {}
