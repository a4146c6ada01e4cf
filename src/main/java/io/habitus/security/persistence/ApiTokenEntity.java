package io.habitus.security.persistence;

import io.habitus.security.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A stored token: the SHA-256 of its secret, never the secret. */
@Entity
@Table(name = "security_api_token")
public class ApiTokenEntity {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "secret_hash", nullable = false, unique = true)
    private String secretHash;

    @Column(nullable = false)
    private String prefix;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiTokenEntity() {}

    public ApiTokenEntity(UUID id, String name, Role role, String secretHash, String prefix,
            Instant createdAt, String createdBy) {
        this.id = id;
        this.name = name;
        this.role = role;
        this.secretHash = secretHash;
        this.prefix = prefix;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Role getRole() {
        return role;
    }

    public String getSecretHash() {
        return secretHash;
    }

    public String getPrefix() {
        return prefix;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}
