package io.habitus.profile.internal;

/** Where a profile entry came from. */
public enum EntryOrigin {
    /** Observed while the image was learning. */
    LEARNED,
    /** Added by a person (an edit, an import or an allowed audit), who says why. */
    MANUAL
}
