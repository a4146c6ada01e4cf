package io.habitus.image.internal;

import io.habitus.shared.ImageDigest;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An image at a glance, with the profile version that judges it (none while it first learns). */
public record ImageSummary(
        ImageDigest digest, ImageStatus status, List<String> names, long containerCount, long nodeCount,
        long eventCount, Instant firstSeen, Instant lastSeen, @Nullable Integer activeProfileVersion,
        @Nullable String activeProfileChecksum) {}
