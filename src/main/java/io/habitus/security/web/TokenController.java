package io.habitus.security.web;

import io.habitus.security.ApiTokens;
import io.habitus.security.Caller;
import io.habitus.security.TokenScope;
import io.habitus.security.internal.IssuedToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Tokens", description = "Bearer tokens for agents, analysts and admins (admin only)")
@RestController
@RequestMapping("/api/v1/tokens")
class TokenController {

    private final ApiTokens tokens;

    TokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Operation(operationId = "issueToken", summary = "Issue a token",
            description = "The response holds the secret; it is stored only as a hash and never shown again.")
    @ApiResponse(responseCode = "201", description = "The token, with its secret", headers = @Header(name = "Location", required = true,
            description = "The new token's URL", schema = @Schema(type = "string", format = "uri-reference")))
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<IssuedTokenResponse> issue(@Valid @RequestBody CreateTokenRequest request,
            @AuthenticationPrincipal Caller caller) {
        IssuedToken issued = tokens.issue(request.name(), request.role(),
                request.scope() == null ? TokenScope.UNRESTRICTED : request.scope().toScope(), caller.name());
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.token().id()))
                .body(IssuedTokenResponse.of(issued));
    }

    @Operation(operationId = "listTokens", summary = "List tokens",
            description = "All tokens, newest first, revoked ones included.")
    @GetMapping
    List<TokenResponse> list() {
        return tokens.list().stream().map(TokenResponse::of).toList();
    }

    @Operation(operationId = "getToken", summary = "Read a token")
    @GetMapping("/{id}")
    TokenResponse read(@PathVariable UUID id) {
        return TokenResponse.of(tokens.find(id));
    }

    @Operation(operationId = "revokeToken", summary = "Revoke a token",
            description = "Idempotent; the revoked token is returned.")
    @DeleteMapping("/{id}")
    TokenResponse revoke(@PathVariable UUID id) {
        return TokenResponse.of(tokens.revoke(id));
    }
}
