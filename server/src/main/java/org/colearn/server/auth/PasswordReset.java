package org.colearn.server.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A link mailed to an address that sets a new password for the account claiming it, once; stored hashed. */
@Entity
@Table(name = "password_reset")
public class PasswordReset {

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "account_id", nullable = false)
    private UUID accountId;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected PasswordReset() {}

    PasswordReset(String tokenHash, UUID accountId, String email, Instant createdAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.accountId = accountId;
        this.email = email;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    UUID accountId() {
        return accountId;
    }

    String email() {
        return email;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
