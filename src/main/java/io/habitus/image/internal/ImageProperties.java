package io.habitus.image.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The image catalogue's memory.
 *
 * @param maxKnownContainers most containers whose image a replica remembers, to spare ingest a
 *     database lookup per batch (about 250 bytes each); beyond it the least recently seen are
 *     dropped, and idle ones go with their container state ({@code habitus.behavior.idle-expiry})
 * @param whatIfStaleness a what-if naming a container this replica found unregistered less than this
 *     long ago takes it as still unregistered without asking the database again (committed batches
 *     always ask); as long as what-ifs trust a container's remembered state
 */
@Validated
@ConfigurationProperties("habitus.image")
public record ImageProperties(
        @Min(1) @Max(10_000_000) @DefaultValue("50000") int maxKnownContainers,
        @NotNull @DefaultValue("1s") Duration whatIfStaleness) {}
