package io.habitus.audit.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

@Schema(description = "Why this deviation is normal")
record AllowRequest(@Size(max = 1000) @Schema(example = "the nightly backup runs tar") @Nullable String reason) {}
