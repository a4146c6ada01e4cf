package io.habitus.incident;

import java.time.Instant;
import java.util.List;

/**
 * One container episode whose evidence crossed its image's container threshold.
 *
 * @param evidence   the container's peak evidence so far (−log10 of the binomial tail, docs/incidents.md)
 * @param risk       evidence / threshold: 1 is where incidents open
 * @param dryRun     opened while the image's detector was in its dry run: recorded, not alerted
 * @param detectorId the detector (learning window) that judged the container
 * @param reasons    the events that added evidence, oldest first (at most {@value Incidents#MAX_REASONS})
 */
public record Incident(long id, String digest, String containerId, String node, IncidentStatus status, Severity severity,
        boolean dryRun, Instant openedAt, Instant updatedAt, Instant firstEventAt, Instant lastEventAt, double evidence,
        double threshold, double risk, long events, long novelEvents, long detectorId, Integer profileVersion,
        Integer modelVersion, List<IncidentReason> reasons, String statusBy, String statusNote, Instant statusAt) {

    public Incident {
        reasons = List.copyOf(reasons);
    }
}
