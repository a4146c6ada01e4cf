package io.habitus.profile.persistence;

import java.time.Instant;
import java.util.List;

/** A token as a whole window observed it. */
public record Observed(
        String kind, String pattern, long count, Instant firstSeen, Instant lastSeen, List<String> examples,
        List<String> containers, List<String> nodes) {}
