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
import org.jspecify.annotations.Nullable;

@Schema(description = "A rule to add or import")
record RuleRequest(
        @NotNull @Schema(example = "PROCESS") TokenKind kind,
        @NotBlank @Size(max = 1024) @Schema(example = "/usr/bin/curl <- /bin/sh") String pattern,
        @Size(max = 1000) @Schema(description = "Why it is allowed", example = "health check probe") @Nullable String reason,
        @Schema(description = "Kept on import") @Nullable EntryOrigin origin,
        @Schema(description = "Kept on import") @Nullable String addedBy,
        @Schema(description = "Kept on import") @Nullable Long count,
        @Schema(description = "Kept on import") @Nullable Integer containers,
        @Schema(description = "Kept on import") @Nullable Integer nodes,
        @Schema(description = "Kept on import") @Nullable Instant firstSeen,
        @Schema(description = "Kept on import") @Nullable Instant lastSeen,
        @Schema(description = "Kept on import") @Nullable List<@Size(max = 4096) String> examples) {

    ProfileEntry toEntry(String importedBy) {
        EntryOrigin kept = origin == null ? EntryOrigin.MANUAL : origin;
        return new ProfileEntry(kind, pattern, kept, kept == EntryOrigin.MANUAL && addedBy == null ? importedBy : addedBy,
                reason, count == null ? 0 : count, containers == null ? 0 : containers, nodes == null ? 0 : nodes,
                firstSeen, lastSeen, examples);
    }
}
