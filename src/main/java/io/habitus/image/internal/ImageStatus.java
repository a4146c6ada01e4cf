package io.habitus.image.internal;

/** Where an image is in its lifecycle. */
public enum ImageStatus {
    /** Events feed observations; nothing is judged yet. */
    LEARNING,
    /** An active profile and model judge every event. */
    ACTIVE
}
