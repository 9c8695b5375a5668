package org.colearn.server.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A login token, stored only as its SHA-256 hash so that a database dump grants no sessions. */
@Entity
@Table(name = "access_token")
public class AccessToken {

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "account_id", nullable = false)
    private UUID accountId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected AccessToken() {}

    AccessToken(String tokenHash, UUID accountId, Instant createdAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.accountId = accountId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    UUID accountId() {
        return accountId;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
