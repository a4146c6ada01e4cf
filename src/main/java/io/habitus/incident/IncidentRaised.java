package io.habitus.incident;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An incident opened, or its severity rose, in the transaction of the batch that did it. Dry-run
 * incidents never raise this: they are recorded for people to review, not alerted. The pipeline's
 * alert step queues it in that same transaction.
 *
 * @param previousSeverity the severity before the batch (null when it opened)
 * @param latestToken      the last event that added evidence, as a token (null if none did in this batch)
 * @param latestSequence   the novel sequence that event ended, as people read it
 * @param violation        whether the episode broke a profile rule
 * @param openedBy         what opened the incident (null for incidents opened before that was kept)
 */
public record IncidentRaised(
        long id, Change change, Severity severity, @Nullable Severity previousSeverity, String digest,
        @Nullable String imageName, String containerId, @Nullable String node, @Nullable String namespace,
        @Nullable String pod, @Nullable String cluster, double risk, long events, long novelEvents, boolean violation,
        @Nullable IncidentTrigger openedBy,
        @Nullable String latestToken, @Nullable String latestSequence, Instant openedAt, Instant lastEventAt) {

    /** What happened to the incident. */
    public enum Change {
        OPENED, SEVERITY_RAISED
    }
}
