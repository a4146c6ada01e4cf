package io.habitus.security.web;

import io.habitus.security.internal.IssuedToken;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A new token with its secret. Store the secret now: it is never shown again")
record IssuedTokenResponse(
        TokenResponse token,
        @Schema(description = "The bearer secret", example = "hab_Xk3v9QmZ2c7bLr8TtYw1n0pAe4sUdFgHiJkLmNoPq5R")
        String secret) {

    static IssuedTokenResponse of(IssuedToken issued) {
        return new IssuedTokenResponse(TokenResponse.of(issued.token()), issued.secret());
    }
}
