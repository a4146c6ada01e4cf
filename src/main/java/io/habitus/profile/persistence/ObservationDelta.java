package io.habitus.profile.persistence;

import java.time.Instant;
import java.util.Set;

/** What one batch adds to the observation of one token in one window. */
public record ObservationDelta(
        String kind, String pattern, long count, Instant firstSeen, Instant lastSeen, Set<String> examples,
        Set<String> containers) {}
