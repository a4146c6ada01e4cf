package io.habitus.security.web;

import io.habitus.security.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

@Schema(description = "Who made the call: the token's name, role and scope")
record CallerResponse(
        @Schema(example = "node-agents-prod-eu") String name,
        Role role,
        @Schema(description = "What the token's events may be about and which event endpoints it may call; null: "
                + "unrestricted") @Nullable TokenScopeResponse scope) {}
