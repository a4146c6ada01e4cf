package io.habitus.profile.internal;

/** How a profile version came about. */
public enum ProfileSource {
    /** Built from a learning window's observations. */
    LEARNED,
    /** An edit of the previous version. */
    EDITED,
    /** Imported from an exported profile. */
    IMPORTED,
    /** An audit was accepted as normal. */
    ALLOWED
}
