package io.habitus.security.web;

import io.habitus.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Tokens", description = "Bearer tokens for agents, analysts and admins (admin only)")
@RestController
class CallerController {

    @Operation(operationId = "getCaller", summary = "Who the presented token belongs to",
            description = """
                    The token's name, role and scope, for any valid token: an agent can check its configuration \
                    without reading anything else. It reads nothing but the token, so the scoring benchmark also \
                    uses it as the cost of an authenticated call that does no work (bench/README.md).""")
    @GetMapping("/api/v1/caller")
    CallerResponse caller(@AuthenticationPrincipal Caller caller) {
        return new CallerResponse(caller.name(), caller.role(), TokenScopeResponse.of(caller.scope()));
    }
}
