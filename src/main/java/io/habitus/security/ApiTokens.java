package io.habitus.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.habitus.security.internal.ApiToken;
import io.habitus.security.internal.IssuedToken;
import io.habitus.security.internal.SecurityProperties;
import io.habitus.security.internal.TokenSecrets;
import io.habitus.security.persistence.ApiTokenRow;
import io.habitus.security.persistence.ApiTokenStore;
import io.habitus.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, lists and revokes bearer tokens, and tells who a presented secret belongs to. Verified
 * secrets are cached briefly because every API call asks.
 */
@Service
public class ApiTokens {

    static final String BOOTSTRAP_ADMIN = "bootstrap-admin";

    private final ApiTokenStore tokens;
    private final Clock clock;
    private final @Nullable String adminSecretHash;
    private final Cache<String, Optional<Caller>> verified;

    ApiTokens(ApiTokenStore tokens, SecurityProperties properties, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
        this.adminSecretHash = properties.adminToken().isBlank() ? null : TokenSecrets.hash(properties.adminToken());
        this.verified = Caffeine.newBuilder()
                .expireAfterWrite(properties.tokenCacheTtl())
                .maximumSize(10_000)
                .build();
    }

    /** Issues a token limited by its role only. */
    @Transactional
    public IssuedToken issue(String name, Role role, String issuedBy) {
        return issue(name, role, TokenScope.UNRESTRICTED, issuedBy);
    }

    @Transactional
    public IssuedToken issue(String name, Role role, TokenScope scope, String issuedBy) {
        String secret = TokenSecrets.newSecret();
        // PostgreSQL keeps microseconds (rounding the rest): the answer shows the time a later read shows.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ApiTokenRow row = new ApiTokenRow(UUID.randomUUID(), name, role, scope, TokenSecrets.hash(secret),
                TokenSecrets.displayPrefix(secret), now, issuedBy, null);
        tokens.insert(row);
        return new IssuedToken(view(row), secret);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> list() {
        return tokens.listNewestFirst().stream().map(ApiTokens::view).toList();
    }

    @Transactional(readOnly = true)
    public ApiToken find(UUID id) {
        return tokens.findById(id).map(ApiTokens::view).orElseThrow(() -> notFound(id));
    }

    /** Revokes a token at once on this replica; other replicas stop trusting it within the cache TTL. */
    @Transactional
    public ApiToken revoke(UUID id) {
        if (!tokens.revoke(id, clock.instant())) {
            throw notFound(id);
        }
        ApiTokenRow row = tokens.findById(id).orElseThrow(() -> notFound(id));
        verified.invalidate(row.secretHash());
        return view(row);
    }

    /**
     * The caller a secret belongs to, if it is known and not revoked. Not transactional: every API
     * call asks, nearly always from the cache, and a transaction would check out a pooled connection
     * for nothing; a cache miss is one query, which needs none.
     */
    public Optional<Caller> authenticate(String secret) {
        String hash = TokenSecrets.hash(secret);
        if (adminSecretHash != null && TokenSecrets.sameHash(hash, adminSecretHash)) {
            return Optional.of(new Caller(BOOTSTRAP_ADMIN, Role.ADMIN));
        }
        return verified.get(hash, h -> tokens.findBySecretHash(h)
                .filter(row -> row.revokedAt() == null)
                .map(row -> new Caller(row.name(), row.role(), row.scope())));
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("No token with id " + id);
    }

    private static ApiToken view(ApiTokenRow row) {
        return new ApiToken(row.id(), row.name(), row.role(), row.scope(), row.prefix(), row.createdAt(), row.createdBy(),
                row.revokedAt());
    }
}
