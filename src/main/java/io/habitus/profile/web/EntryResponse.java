package io.habitus.profile.web;

import io.habitus.behavior.TokenKind;
import io.habitus.profile.internal.EntryOrigin;
import io.habitus.profile.internal.ProfileEntry;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Schema(description = "One allowlist rule with its provenance")
record EntryResponse(
        @Schema(example = "FILE_READ") TokenKind kind,
        @Schema(description = "The generalised value; '*' is one path segment, '**' one or more", example = "/proc/*/status")
        String pattern,
        EntryOrigin origin,
        @Schema(description = "Who added a manual entry") @Nullable String addedBy,
        @Schema(description = "Why a manual entry was added") @Nullable String reason,
        @Schema(description = "How often it was observed while learning") long count,
        @Schema(description = "On how many containers") int containers,
        @Schema(description = "On how many nodes") int nodes,
        @Nullable Instant firstSeen,
        @Nullable Instant lastSeen,
        @Schema(description = "Raw values before generalisation", example = "[\"/proc/1234/status\"]") List<String> examples) {

    static EntryResponse of(ProfileEntry e) {
        return new EntryResponse(e.kind(), e.pattern(), e.origin(), e.addedBy(), e.reason(), e.count(), e.containers(),
                e.nodes(), e.firstSeen(), e.lastSeen(), e.examples());
    }
}
