package io.habitus.behavior.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Container state tracking.
 *
 * @param recentTokens how many of its last tokens a container's state keeps (k); as many as the
 *     model's encoding reads (FeatureSpec window 8), since more would only make equal transitions
 *     look distinct in the training sample
 * @param processTokens how many of its own last tokens the state keeps per live process; as many as the
 *     model's encoding (version 3) reads of the acting process (2: its last two tokens before the event)
 * @param maxProcesses most live processes tracked per container; the oldest are forgotten first
 * @param idleExpiry a container without events for this long is forgotten (it exited or moved)
 * @param whatIfStaleness a what-if starts from a container's state as this replica knew it up to this long ago
 *     (its own commits at once, other replicas' within this time); 0 reads the state every time
 */
@Validated
@ConfigurationProperties("habitus.behavior")
public record BehaviorProperties(
        @Min(1) @Max(256) @DefaultValue("8") int recentTokens,
        @Min(1) @Max(64) @DefaultValue("2") int processTokens,
        @Min(1) @Max(100_000) @DefaultValue("256") int maxProcesses,
        @NotNull @DefaultValue("1h") Duration idleExpiry,
        @NotNull @DefaultValue("1s") Duration whatIfStaleness) {}
