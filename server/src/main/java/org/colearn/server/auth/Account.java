package org.colearn.server.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A person who can log in. */
@Entity
@Table(name = "account")
public class Account {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 254)
    private String email;

    @Column(name = "display_name", nullable = false, length = 120)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 255)
    private String passwordHash;

    @Column(name = "server_admin", nullable = false)
    private boolean serverAdmin;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Account() {}

    Account(String email, String displayName, String passwordHash, boolean serverAdmin, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.serverAdmin = serverAdmin;
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    String passwordHash() {
        return passwordHash;
    }

    void passwordHash(String newHash) {
        this.passwordHash = newHash;
    }

    public boolean serverAdmin() {
        return serverAdmin;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Email addresses are compared without case and surrounding space. */
    public static String normaliseEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
