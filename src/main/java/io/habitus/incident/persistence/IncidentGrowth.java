package io.habitus.incident.persistence;

import io.habitus.incident.Severity;
import io.habitus.incident.internal.IncidentReason;
import java.time.Instant;
import java.util.List;

/** What one batch added to an open incident: its standing after the batch and the reasons it brought. */
public record IncidentGrowth(long id, Severity severity, Instant lastEventAt, double risk, double evidence, double mixEvidence,
        double rarityEvidence, double modelEvidence, long events, long novelEvents, List<IncidentReason> moreReasons) {
}
