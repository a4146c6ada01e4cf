package io.habitus.image.web;

import io.habitus.image.internal.ImageStatus;
import io.habitus.image.internal.ImageSummary;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Schema(description = "An image at a glance")
record ImageResponse(
        @Schema(example = "sha256:4c1e9d0b5f2a7e3c8d6b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d") String digest,
        ImageStatus status,
        @Schema(description = "Names and tags the image was seen under", example = "[\"nginx:1.27\"]") List<String> names,
        long containerCount,
        long nodeCount,
        @Schema(description = "Accepted events of all its containers") long eventCount,
        @Schema(description = "Time of the earliest event") Instant firstSeen,
        @Schema(description = "Time of the latest event") Instant lastSeen,
        @Schema(description = "The profile version judging its events; absent while it first learns") @Nullable Integer activeProfileVersion,
        @Schema(description = "Checksum of that profile version") @Nullable String activeProfileChecksum) {

    static ImageResponse of(ImageSummary s) {
        return new ImageResponse(s.digest().value(), s.status(), s.names(), s.containerCount(), s.nodeCount(),
                s.eventCount(), s.firstSeen(), s.lastSeen(), s.activeProfileVersion(), s.activeProfileChecksum());
    }
}
