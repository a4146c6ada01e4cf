package io.habitus.incident.internal;

import io.habitus.incident.IncidentTrigger;
import io.habitus.incident.Incidents;
import io.habitus.incident.Severity;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One container episode whose evidence crossed its image's container threshold.
 *
 * @param risk       the largest of each evidence over its threshold (sequence, mix, rarity, model): incidents open
 *                   above 1
 * @param evidence   the container's peak sequence evidence so far (−log10 of the binomial tail, docs/incidents.md)
 * @param mixEvidence the container's peak mix evidence so far (distance to the nearest learning container's mix of
 *                   token pairs at the same age, over that age's held-out median)
 * @param rarityEvidence the container's peak rarity level so far (how rare its sequences were while learning)
 * @param modelEvidence the container's peak model evidence so far (binomial surprise of its ANOMALOUS transitions);
 *                   each with the detector's threshold for it (0 in incidents opened before they were recorded)
 * @param openedBy   what opened it: a broken rule, a process's new action, or the evidence with the largest ratio
 *                   to its threshold (null for incidents opened before it was recorded)
 * @param dryRun     opened while the image's detector was in its dry run: recorded, not alerted
 * @param detectorId the detector (learning window) that judged the container
 * @param reasons    the events that added evidence, oldest first (at most {@value Incidents#MAX_REASONS})
 */
public record Incident(long id, String digest, String containerId, @Nullable String node, IncidentStatus status, Severity severity,
        @Nullable IncidentTrigger openedBy, boolean dryRun, Instant openedAt, Instant updatedAt, Instant firstEventAt,
        Instant lastEventAt, double risk,
        double evidence, double threshold, double mixEvidence, double mixThreshold, double rarityEvidence,
        double rarityThreshold, double modelEvidence, double modelThreshold, long events, long novelEvents, long detectorId, @Nullable Integer profileVersion,
        @Nullable Integer modelVersion, List<IncidentReason> reasons, @Nullable String statusBy, @Nullable String statusNote, @Nullable Instant statusAt) {

    public Incident {
        reasons = List.copyOf(reasons);
    }
}
