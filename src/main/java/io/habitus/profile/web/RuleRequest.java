package io.habitus.profile.web;

import io.habitus.behavior.TokenKind;
import io.habitus.profile.internal.EntryOrigin;
import io.habitus.profile.internal.ProfileEntry;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

@Schema(description = "A rule to add or import")
record RuleRequest(
        @NotNull @Schema(example = "PROCESS") TokenKind kind,
        @NotBlank @Size(max = 1024) @Schema(example = "/usr/bin/curl <- /bin/sh") String pattern,
        @Size(max = 1000) @Schema(description = "Why it is allowed", example = "health check probe") String reason,
        @Schema(description = "Kept on import") EntryOrigin origin,
        @Schema(description = "Kept on import") String addedBy,
        @Schema(description = "Kept on import") Long count,
        @Schema(description = "Kept on import") Integer containers,
        @Schema(description = "Kept on import") Integer nodes,
        @Schema(description = "Kept on import") Instant firstSeen,
        @Schema(description = "Kept on import") Instant lastSeen,
        @Schema(description = "Kept on import") List<@Size(max = 4096) String> examples) {

    ProfileEntry toEntry(String importedBy) {
        EntryOrigin kept = origin == null ? EntryOrigin.MANUAL : origin;
        return new ProfileEntry(kind, pattern, kept, kept == EntryOrigin.MANUAL && addedBy == null ? importedBy : addedBy,
                reason, count == null ? 0 : count, containers == null ? 0 : containers, nodes == null ? 0 : nodes,
                firstSeen, lastSeen, examples);
    }
}
