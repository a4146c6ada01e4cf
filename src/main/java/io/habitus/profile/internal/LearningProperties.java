package io.habitus.profile.internal;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When a learning window is complete. All of these can be overridden per image.
 *
 * @param window container time to observe, summed across the image's containers (ten replicas
 *     for six minutes count as an hour)
 * @param stability how long (in event time) no new token may have appeared
 * @param minEvents events the window must have seen
 * @param minContainers distinct containers the window must have seen
 * @param checkInterval how often learning images are checked for completion
 */
@Validated
@ConfigurationProperties("habitus.learning")
public record LearningProperties(
        @NotNull @DefaultValue("1h") Duration window,
        @NotNull @DefaultValue("10m") Duration stability,
        @Min(0) @DefaultValue("1000") long minEvents,
        @Min(1) @DefaultValue("1") int minContainers,
        @NotNull @DefaultValue("5s") Duration checkInterval) {}
