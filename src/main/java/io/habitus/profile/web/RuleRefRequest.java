package io.habitus.profile.web;

import io.habitus.behavior.TokenKind;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(description = "A rule to remove, named by kind and pattern")
record RuleRefRequest(
        @NotNull @Schema(example = "FILE_READ") TokenKind kind,
        @NotBlank @Size(max = 1024) @Schema(example = "/etc/shadow") String pattern) {}
