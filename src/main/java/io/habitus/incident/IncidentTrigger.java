package io.habitus.incident;

/**
 * What opened an incident, so that "why was this opened?" has a one-word answer before the figures:
 * a broken profile rule or a process's new action, where the image's calibration says either opens
 * one at once (docs/incidents.md), else the evidence whose ratio to its threshold was the largest.
 */
public enum IncidentTrigger {
    /** A profile rule was broken (a VIOLATION), where normal containers of the image do not break rules. */
    BROKEN_RULE,
    /** A process did what no process of its kind did while learning, where normal containers never do. */
    NEW_ACTION,
    /** Novel short sequences: the container's, a process's own, or a process's actions. */
    SEQUENCES,
    /** The container's behaviour mix, far from every learning container's at its age. */
    MIX,
    /** How rare, in the learning window, the container's recent sequences were. */
    RARITY,
    /** The model's distinct ANOMALOUS transitions. */
    MODEL
}
