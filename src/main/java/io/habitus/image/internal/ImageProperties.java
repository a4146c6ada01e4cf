package io.habitus.image.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The image catalogue's memory.
 *
 * @param maxKnownContainers most containers whose image a replica remembers, to spare ingest a
 *     database lookup per batch (about 250 bytes each); beyond it the least recently seen are
 *     dropped, and idle ones go with their container state ({@code habitus.behavior.idle-expiry})
 */
@Validated
@ConfigurationProperties("habitus.image")
public record ImageProperties(@Min(1) @Max(10_000_000) @DefaultValue("50000") int maxKnownContainers) {}
