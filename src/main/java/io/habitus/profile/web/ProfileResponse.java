package io.habitus.profile.web;

import io.habitus.profile.Profile;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "A profile version with all its rules; also the export format that POST …/profiles imports")
record ProfileResponse(
        @Schema(description = "Format of this document", example = ProfileResponse.FORMAT) String format,
        ProfileVersionResponse profile,
        List<EntryResponse> entries) {

    static final String FORMAT = "habitus.profile/v1";

    static ProfileResponse of(Profile p) {
        return new ProfileResponse(FORMAT, ProfileVersionResponse.of(p.version()),
                p.entries().stream().map(EntryResponse::of).toList());
    }
}
