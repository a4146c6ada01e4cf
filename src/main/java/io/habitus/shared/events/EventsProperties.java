package io.habitus.shared.events;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param resubmitInterval how often a replica resubmits failed event publications
 * @param resubmitMinAge   a failed publication waits at least this long before it is resubmitted
 */
@Validated
@ConfigurationProperties("habitus.events")
public record EventsProperties(
        @NotNull @DefaultValue("1m") Duration resubmitInterval,
        @NotNull @DefaultValue("30s") Duration resubmitMinAge) {}
