package io.habitus.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.habitus.security.internal.ApiToken;
import io.habitus.security.internal.IssuedToken;
import io.habitus.shared.NotFoundException;
import io.habitus.shared.Sha256;
import io.habitus.support.ModuleIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;

/** Tokens bootstrapped alone (with the shared kernel): issuing, hashing, scopes, revocation, the bootstrap admin. */
@ApplicationModuleTest(extraIncludes = "shared")
@TestPropertySource(properties = "habitus.security.admin-token=" + SecurityModuleTests.ADMIN_SECRET)
class SecurityModuleTests extends ModuleIntegrationTest {

    static final String ADMIN_SECRET = "module-test-admin-secret";

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTokenIsStoredOnlyAsTheSha256OfItsSecretAndShownByItsPrefix() {
        IssuedToken issued = tokens.issue("node-agents", Role.AGENT, "alice");
        String secret = issued.secret();

        assertThat(secret).startsWith("hab_").hasSizeGreaterThan(40);
        String stored = jdbc.queryForObject("select secret_hash from security_api_token where id = ?", String.class,
                issued.token().id());
        assertThat(stored).isEqualTo(Sha256.hex(secret)).doesNotContain(secret.substring(4));
        assertThat(issued.token().prefix()).isEqualTo(secret.substring(0, 10));
        // PostgreSQL keeps microseconds.
        assertThat(tokens.find(issued.token().id())).usingRecursiveComparison().ignoringFields("createdAt")
                .isEqualTo(issued.token());
        assertThat(tokens.find(issued.token().id()).createdAt())
                .as("the time the answer showed").isEqualTo(issued.token().createdAt());
    }

    @Test
    void aSecretAuthenticatesAsItsTokensNameRoleAndScope() {
        TokenScope scope = new TokenScope(List.of("web"), List.of("prod-eu"), List.of(TokenScope.Operation.INGEST));
        IssuedToken issued = tokens.issue("web-agents", Role.AGENT, scope, "alice");

        Caller caller = tokens.authenticate(issued.secret()).orElseThrow();

        assertThat(caller.name()).isEqualTo("web-agents");
        assertThat(caller.role()).isEqualTo(Role.AGENT);
        assertThat(caller.scope()).isEqualTo(scope);
        assertThat(caller.scope().coversNamespace("web")).isTrue();
        assertThat(caller.scope().coversNamespace("kube-system")).isFalse();
        assertThat(caller.scope().coversNamespace(null)).isFalse();
        assertThat(caller.scope().allows(TokenScope.Operation.INGEST)).isTrue();
        assertThat(caller.scope().allows(TokenScope.Operation.SCORE)).isFalse();
        assertThat(tokens.list()).filteredOn(token -> token.id().equals(issued.token().id()))
                .singleElement().extracting(ApiToken::scope).isEqualTo(scope);
    }

    @Test
    void aRevokedTokenAuthenticatesNobodyAtOnceAndRevokingAgainKeepsItsTime() {
        IssuedToken issued = tokens.issue("dashboards", Role.ANALYST, "alice");
        assertThat(tokens.authenticate(issued.secret())).isPresent();

        ApiToken revoked = tokens.revoke(issued.token().id());

        assertThat(revoked.revokedAt()).isNotNull();
        assertThat(tokens.authenticate(issued.secret())).isEmpty();
        assertThat(tokens.revoke(issued.token().id()).revokedAt()).isEqualTo(revoked.revokedAt());
    }

    @Test
    void unknownSecretsAndTokensAreNobodyAndNotFound() {
        assertThat(tokens.authenticate("hab_" + "x".repeat(43))).isEmpty();
        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> tokens.find(unknown)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tokens.revoke(unknown)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theConfiguredAdminSecretIsTheBootstrapAdminWithoutAStoredToken() {
        Caller admin = tokens.authenticate(ADMIN_SECRET).orElseThrow();

        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(admin.scope().unrestricted()).isTrue();
        assertThat(tokens.list()).extracting(ApiToken::name).doesNotContain(admin.name());
    }
}
