package io.habitus.profile.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

@Schema(description = "Build a version from the image's learning observations, or import an exported profile")
record CreateProfileRequest(
        @NotNull @Schema(description = "OBSERVATIONS: build from the current (or last) learning window; IMPORT: from `profile`")
        Source source,
        @Valid @Schema(description = "Required with source IMPORT") @Nullable ImportedProfile profile,
        @Schema(description = "Activate the new version at once", defaultValue = "false") @Nullable Boolean activate,
        @Size(max = 1000) @Nullable String comment) {

    enum Source { OBSERVATIONS, IMPORT }
}
