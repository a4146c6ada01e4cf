package io.habitus.profile.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Schema(description = "An exported profile (GET …/profiles/{version}) to import; only its entries are required")
record ImportedProfile(
        @Schema(example = "habitus.profile/v1") @Nullable String format,
        @Schema(description = "If present, the checksum of the exported version: the import is refused when the entries do not match it")
        @Nullable ImportedVersion profile,
        @NotEmpty @Size(max = 100_000) List<@Valid RuleRequest> entries) {}
