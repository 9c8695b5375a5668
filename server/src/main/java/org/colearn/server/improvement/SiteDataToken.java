package org.colearn.server.improvement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A token with which one site's own systems send its values; only its hash is kept, and revoking it is final. */
@Entity
@Table(name = "site_data_token")
class SiteDataToken {

    @Id
    private UUID id;

    @Column(name = "site_id", nullable = false)
    private UUID siteId;

    @Column(name = "collaborative_id", nullable = false)
    private UUID collaborativeId;

    @Column(nullable = false, length = 120)
    private String label;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "created_by", nullable = false, length = 160)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected SiteDataToken() {}

    SiteDataToken(UUID collaborativeId, UUID siteId, String label, String tokenHash, String createdBy, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.collaborativeId = collaborativeId;
        this.siteId = siteId;
        this.label = label;
        this.tokenHash = tokenHash;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void used(Instant at) {
        this.lastUsedAt = at;
    }

    void revoke(Instant at) {
        if (revokedAt == null) {
            this.revokedAt = at;
        }
    }

    UUID id() {
        return id;
    }

    UUID siteId() {
        return siteId;
    }

    UUID collaborativeId() {
        return collaborativeId;
    }

    String label() {
        return label;
    }

    String createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }

    Instant revokedAt() {
        return revokedAt;
    }
}
