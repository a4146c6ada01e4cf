package io.habitus.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.habitus.security.persistence.ApiTokenEntity;
import io.habitus.security.persistence.ApiTokenRepository;
import io.habitus.shared.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, lists and revokes bearer tokens, and tells who a presented secret belongs to. Verified
 * secrets are cached briefly because every API call asks.
 */
@Service
public class ApiTokens {

    static final String BOOTSTRAP_ADMIN = "bootstrap-admin";

    private final ApiTokenRepository tokens;
    private final Clock clock;
    private final String adminSecretHash;
    private final Cache<String, Optional<Caller>> verified;

    ApiTokens(ApiTokenRepository tokens, SecurityProperties properties, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
        this.adminSecretHash = properties.adminToken().isBlank() ? null : TokenSecrets.hash(properties.adminToken());
        this.verified = Caffeine.newBuilder()
                .expireAfterWrite(properties.tokenCacheTtl())
                .maximumSize(10_000)
                .build();
    }

    @Transactional
    public IssuedToken issue(String name, Role role, String issuedBy) {
        String secret = TokenSecrets.newSecret();
        ApiTokenEntity entity = tokens.save(new ApiTokenEntity(UUID.randomUUID(), name, role,
                TokenSecrets.hash(secret), TokenSecrets.displayPrefix(secret), clock.instant(), issuedBy));
        return new IssuedToken(view(entity), secret);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> list() {
        return tokens.findAllByOrderByCreatedAtDesc().stream().map(ApiTokens::view).toList();
    }

    @Transactional(readOnly = true)
    public ApiToken find(UUID id) {
        return tokens.findById(id).map(ApiTokens::view).orElseThrow(() -> notFound(id));
    }

    /** Revokes a token at once on this replica; other replicas stop trusting it within the cache TTL. */
    @Transactional
    public ApiToken revoke(UUID id) {
        ApiTokenEntity entity = tokens.findById(id).orElseThrow(() -> notFound(id));
        entity.revoke(clock.instant());
        verified.invalidate(entity.getSecretHash());
        return view(entity);
    }

    /** The caller a secret belongs to, if it is known and not revoked. */
    @Transactional(readOnly = true)
    public Optional<Caller> authenticate(String secret) {
        String hash = TokenSecrets.hash(secret);
        if (adminSecretHash != null && TokenSecrets.sameHash(hash, adminSecretHash)) {
            return Optional.of(new Caller(BOOTSTRAP_ADMIN, Role.ADMIN));
        }
        return verified.get(hash, h -> tokens.findBySecretHash(h)
                .filter(entity -> entity.getRevokedAt() == null)
                .map(entity -> new Caller(entity.getName(), entity.getRole())));
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("No token with id " + id);
    }

    private static ApiToken view(ApiTokenEntity entity) {
        return new ApiToken(entity.getId(), entity.getName(), entity.getRole(), entity.getPrefix(),
                entity.getCreatedAt(), entity.getCreatedBy(), entity.getRevokedAt());
    }
}
