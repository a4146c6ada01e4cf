package io.habitus.model.internal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxSample               most distinct transitions kept per learning window; transitions
 *     beyond it are counted as dropped, never stored (distinct-first: every distinct transition until
 *     the bound, so rare-but-normal ones are kept as surely as frequent ones)
 * @param targetFalsePositiveRate share of normal events a model may call anomalous: the threshold is
 *     calibrated so that the 95 % upper confidence bound of the held-out share stays within it
 *     (docs/transition-model.md, "Calibration")
 */
@Validated
@ConfigurationProperties("habitus.model")
public record ModelProperties(
        @Min(100) @Max(10_000_000) @DefaultValue("50000") int maxSample,
        @DecimalMin("0.0001") @DecimalMax("0.2") @DefaultValue(TrainingOptions.DEFAULT_TARGET_FALSE_POSITIVE_RATE) double targetFalsePositiveRate) {}
