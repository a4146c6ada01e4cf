package io.habitus.incident.internal;

/** Where an incident stands; RESOLVED and FALSE_POSITIVE end the container's episode. */
public enum IncidentStatus {
    OPEN, ACKNOWLEDGED, RESOLVED, FALSE_POSITIVE;

    public boolean isClosed() {
        return this == RESOLVED || this == FALSE_POSITIVE;
    }
}
