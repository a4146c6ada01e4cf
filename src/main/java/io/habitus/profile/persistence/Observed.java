package io.habitus.profile.persistence;

import java.time.Instant;
import java.util.List;

/** A token as a whole window observed it; {@code containers} and {@code nodes} are distinct, in no meaningful order. */
public record Observed(
        String kind, String pattern, long count, Instant firstSeen, Instant lastSeen, List<String> examples,
        List<String> containers, List<String> nodes) {}
