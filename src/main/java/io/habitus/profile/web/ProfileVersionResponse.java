package io.habitus.profile.web;

import io.habitus.profile.ProfileVersion;
import io.habitus.profile.internal.ProfileSource;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Schema(description = "A profile version's header")
record ProfileVersionResponse(
        @Schema(example = "sha256:4c1e9d0b5f2a7e3c8d6b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d") String digest,
        @Schema(example = "3") int version,
        @Schema(description = "SHA-256 over the rules (kind and pattern)") String checksum,
        @Schema(description = "Entity tag for If-Match when editing") String etag,
        ProfileSource source,
        @Schema(description = "The version it was derived from") @Nullable Integer basedOn,
        @Schema(description = "The learning window it was built from") @Nullable Integer windowNo,
        @Schema(description = "Built from a window whose agents dropped events") boolean partial,
        @Nullable String comment,
        Instant createdAt,
        String createdBy,
        @Schema(description = "Whether this version judges the image's events") boolean active,
        int entryCount) {

    static ProfileVersionResponse of(ProfileVersion v) {
        return new ProfileVersionResponse(v.digest().value(), v.version(), v.checksum(), v.etag(), v.source(), v.basedOn(),
                v.windowNo(), v.partial(), v.comment(), v.createdAt(), v.createdBy(), v.active(), v.entryCount());
    }
}
