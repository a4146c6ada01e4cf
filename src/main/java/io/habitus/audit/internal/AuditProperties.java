package io.habitus.audit.internal;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param dedupWindow identical deviations of one container within one such window (aligned to
 *     the epoch, in event time) are counted on one audit instead of stored one by one
 */
@Validated
@ConfigurationProperties("habitus.audit")
public record AuditProperties(@NotNull @DefaultValue("10m") Duration dedupWindow) {}
