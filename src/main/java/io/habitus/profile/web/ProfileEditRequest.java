package io.habitus.profile.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Schema(description = "Rules to add and remove; the result is a new version")
record ProfileEditRequest(
        @Size(max = 1000) @Nullable List<@Valid RuleRequest> add,
        @Size(max = 1000) @Nullable List<@Valid RuleRefRequest> remove,
        @Size(max = 1000) @Schema(example = "allow the nightly report job") @Nullable String comment) {}
