package io.habitus.incident;

import io.habitus.incident.internal.IncidentStatus;
import io.habitus.incident.Severity;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A container's standing right after one of its events, next to that event's verdict.
 *
 * @param novel         whether this event was a sequence the image never showed while learning (or broke a rule)
 * @param novelAs       the lengths at which it was: CONTAINER_SEQUENCE (the container's last tokens and its own),
 *                      PROCESS_SEQUENCE (the acting process's own last tokens and its own), PROCESS_ACTION (the
 *                      acting process and its token); empty when it was not novel
 * @param evidence      the container's peak sequence evidence in its current episode (binomial surprise of novel sequences)
 * @param threshold     the image's threshold for it
 * @param mixEvidence   the container's peak mix evidence (distance of its mix of token pairs to the learning containers')
 * @param mixThreshold  the image's threshold for it
 * @param rarityEvidence the container's peak rarity level (how rare, in the learning window, the sequences of its
 *                      recent events were; about its last ten events)
 * @param rarityThreshold the image's threshold for it
 * @param modelEvidence the binomial surprise of the container's ANOMALOUS verdicts at the model's calibrated event rate
 * @param modelThreshold the threshold for it
 * @param risk          the largest of the four evidences over their thresholds (at least 1 after a broken rule):
 *                      an incident opens above 1
 * @param incident      the container's incident of this episode; null when none
 */
public record ContainerRisk(String containerId, boolean novel, List<NoveltyLength> novelAs, long events, long novelEvents, double evidence,
        double threshold, double mixEvidence, double mixThreshold, double rarityEvidence, double rarityThreshold,
        double modelEvidence, double modelThreshold, double risk,
        @Nullable IncidentRef incident) {

    /** A length at which an event's sequence can be novel (docs/incidents.md, "Unit: short sequences, at three lengths"). */
    public enum NoveltyLength { CONTAINER_SEQUENCE, PROCESS_SEQUENCE, PROCESS_ACTION }

    /**
     * The incident a risk belongs to, as far as a score answer shows it.
     *
     * @param openedBy what opened it (null for incidents opened before that was kept)
     */
    public record IncidentRef(long id, IncidentStatus status, Severity severity, @Nullable IncidentTrigger openedBy,
            boolean dryRun) {}
}
