package io.habitus.image;

import io.habitus.shared.ImageDigest;
import java.time.Instant;
import java.util.List;

/** An image at a glance. */
public record ImageSummary(
        ImageDigest digest, ImageStatus status, List<String> names, long containerCount, long nodeCount,
        long eventCount, Instant firstSeen, Instant lastSeen) {}
