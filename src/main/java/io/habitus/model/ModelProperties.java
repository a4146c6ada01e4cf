package io.habitus.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxSample most distinct transitions kept per learning window; transitions beyond it are
 *     counted as dropped, never stored (distinct-first: every distinct transition until the
 *     bound, so rare-but-normal ones are kept as surely as frequent ones)
 */
@Validated
@ConfigurationProperties("habitus.model")
public record ModelProperties(@Min(100) @Max(10_000_000) @DefaultValue("50000") int maxSample) {}
