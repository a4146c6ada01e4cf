package io.habitus.profile.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;

@Schema(description = "Rules to add and remove; the result is a new version")
record ProfileEditRequest(
        @Size(max = 1000) List<@Valid RuleRequest> add,
        @Size(max = 1000) List<@Valid RuleRefRequest> remove,
        @Size(max = 1000) @Schema(example = "allow the nightly report job") String comment) {}
