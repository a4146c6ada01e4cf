package io.habitus.incident.internal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Container-level detection: one set of defaults for every image (docs/incidents.md).
 *
 * @param sequenceLength      the length of the short sequences (STIDE's n): the container's last n − 1 tokens and the
 *                            event's (at most habitus.behavior.recent-tokens + 1)
 * @param folds               how many parts a learning window's containers are split into for calibration
 * @param targetContainerRate the share of normal containers that may raise an incident, kept with 95 % confidence
 * @param maxTracedEvents     the most learning events per window whose sequences are kept for the detector
 *                            (8 bytes each); the window's memory is complete up to this many
 * @param dryRun              for how long after an image's detector is ready its incidents are recorded as dry run
 * @param maxMixReferences    the most learning containers whose behaviour mixes a detector keeps to compare with; a
 *                            larger window keeps a cover of its mixes (MixCovering)
 * @param maxPairs            the most distinct token pairs a container's mix counts (later new pairs share one count)
 * @param proposalContainers  dry-run behaviour seen on at least this many containers …
 * @param proposalNodes       … and nodes is proposed as normal, for a person to accept
 * @param modelAnomalyRate    the share of normal events the model calls ANOMALOUS, as its thresholds are calibrated
 *                            (habitus.model.target-false-positive-rate): the null of the model's evidence
 * @param modelShare          the share of the target the model's evidence may spend: its threshold is
 *                            -log10(target-container-rate × model-share), and the evidences calibrated on held-out
 *                            containers share the rest. Small (0.001: surprise 5 at 1 %), because its null (the
 *                            model's event rate) is not calibrated on containers and anomalies cluster in unusual
 *                            normal ones (docs/incidents.md, "The model's share of the target")
 * @param pollInterval        how often a replica looks for detectors to build
 * @param idleExpiry          a container without events for this long loses its evidence (its episode ends; an
 *                            open incident stays open)
 * @param whatIfStaleness     a what-if answers from a container's evidence as this replica knew it up to this long
 *                            ago (its own commits at once, other replicas' within this time); 0 reads it every time
 */
@Validated
@ConfigurationProperties("habitus.incident")
public record IncidentProperties(
        @Min(2) @Max(16) @DefaultValue("6") int sequenceLength,
        @Min(2) @Max(31) @DefaultValue("10") int folds,
        @DecimalMin("0.0001") @DecimalMax("0.5") @DefaultValue("0.01") double targetContainerRate,
        @Min(1000) @DefaultValue("8000000") long maxTracedEvents,
        @Min(10) @Max(100_000) @DefaultValue("1000") int maxMixReferences,
        @Min(16) @Max(1_000_000) @DefaultValue("4096") int maxPairs,
        @DefaultValue("P1D") Duration dryRun,
        @DecimalMin("0.0001") @DecimalMax("0.5") @DefaultValue("0.01") double modelAnomalyRate,
        @DecimalMin("0.00001") @DecimalMax("0.5") @DefaultValue("0.001") double modelShare,
        @Min(1) @DefaultValue("3") int proposalContainers,
        @Min(1) @DefaultValue("2") int proposalNodes,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("1h") Duration idleExpiry,
        @DefaultValue("1s") Duration whatIfStaleness) {}
