package org.colearn.server.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A person who can log in, with the address they signed up with and, once they have proven it, that address as
 * theirs. Only a proven address is unique: signing up does not say whether an address is taken.
 */
@Entity
@Table(name = "account")
public class Account {

    @Id
    private UUID id;

    /** The address this account logs in with and is written to; others may claim it too until one proves it. */
    @Column(name = "login_email", nullable = false, length = 254)
    private String email;

    /** The same address once this account has proven it (the one account that did), else null. */
    @Column(name = "email", unique = true, length = 254)
    private String provenEmail;

    @Column(name = "email_proven_at")
    private Instant emailProvenAt;

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

    /** The address the person signed up with, proven or not. */
    public String email() {
        return email;
    }

    /** The address this account has proven, or null: only a proven address may receive what was given to it. */
    public String provenEmail() {
        return provenEmail;
    }

    public boolean emailProven() {
        return provenEmail != null;
    }

    void proveEmail(Instant at) {
        this.provenEmail = email;
        this.emailProvenAt = at;
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
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
