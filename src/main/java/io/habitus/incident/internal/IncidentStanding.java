package io.habitus.incident.internal;

import io.habitus.incident.IncidentTrigger;
import io.habitus.incident.Severity;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the evidence step needs of a container's incident: which it is and where it stands, not
 * its figures or reasons. Read for every judged container with an incident on every batch, so it
 * leaves out the reasons (up to {@value io.habitus.incident.Incidents#MAX_REASONS} as JSON), whose
 * reading took a quarter of the evidence step's time (bench/README.md).
 *
 * @param openedBy what opened it (null for incidents opened before that was kept)
 * @param reasons how many reasons it holds: a batch adds only as many as there is room for
 */
public record IncidentStanding(long id, String digest, String containerId, @Nullable String node, IncidentStatus status,
        Severity severity, @Nullable IncidentTrigger openedBy, boolean dryRun, Instant openedAt, int reasons) {
}
