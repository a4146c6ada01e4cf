package io.habitus.image.web;

import io.habitus.image.internal.ContainerSummary;
import io.habitus.image.internal.ImageDetails;
import io.habitus.image.internal.ImageStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

@Schema(description = "An image with its nodes, event counts per type and most recent containers")
record ImageDetailsResponse(
        String digest,
        ImageStatus status,
        List<String> names,
        long containerCount,
        long nodeCount,
        long eventCount,
        Instant firstSeen,
        Instant lastSeen,
        @Schema(description = "The profile version judging its events; absent while it first learns") @Nullable Integer activeProfileVersion,
        @Schema(description = "Checksum of that profile version") @Nullable String activeProfileChecksum,
        @Schema(description = "Nodes its containers ran on") List<String> nodes,
        @Schema(description = "Accepted events per type", example = "{\"process.exec\": 12, \"file.read\": 480}")
        Map<String, Long> eventCounts,
        @Schema(description = "The most recently seen containers (at most 100)") List<ContainerSummary> containers) {

    static ImageDetailsResponse of(ImageDetails d) {
        var s = d.summary();
        return new ImageDetailsResponse(s.digest().value(), s.status(), s.names(), s.containerCount(), s.nodeCount(),
                s.eventCount(), s.firstSeen(), s.lastSeen(), s.activeProfileVersion(), s.activeProfileChecksum(),
                d.nodes(), d.eventCounts(), d.containers());
    }
}
