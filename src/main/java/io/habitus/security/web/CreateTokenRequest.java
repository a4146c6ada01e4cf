package io.habitus.security.web;

import io.habitus.security.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

@Schema(description = "A token to issue")
record CreateTokenRequest(
        @Schema(description = "What the token is for; shown in lists and audits", example = "node-agents-prod-eu")
        @NotBlank @Size(max = 100) @Pattern(regexp = "^[\\x20-\\x7E]+$", message = "must be printable text")
        String name,
        @Schema(description = "The role the token carries", example = "AGENT")
        @NotNull Role role,
        @Schema(description = "Optional: limit the token to some namespaces, clusters or event endpoints; absent: "
                + "unrestricted") @Valid @Nullable TokenScopeRequest scope) {}
