package io.habitus.shared;

/** How an event was judged. */
public enum Verdict {
    /** Inside the active profile, and the model (if any) finds the transition normal. */
    NORMAL,
    /** Inside the active profile, but the model scores the transition below its threshold. */
    ANOMALOUS,
    /** Outside the active profile. */
    VIOLATION,
    /** The image is still learning; nothing judges it yet. */
    LEARNING,
    /** No image with this digest is known. */
    UNKNOWN_IMAGE
}
