package org.colearn.server.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Someone who joined one learning session with its code and a name, without an account. */
@Entity
@Table(name = "session_guest")
public class SessionGuest {

    @Id
    private UUID id;

    @Column(name = "session_id", nullable = false)
    private UUID sessionId;

    @Column(name = "display_name", nullable = false, length = 120)
    private String displayName;

    @Column(length = 200)
    private String site;

    @Column(length = 40)
    private String profession;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected SessionGuest() {}

    SessionGuest(UUID sessionId, String displayName, String site, String profession, String tokenHash, Instant createdAt, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.sessionId = sessionId;
        this.displayName = displayName;
        this.site = site;
        this.profession = profession;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public UUID id() {
        return id;
    }

    public UUID sessionId() {
        return sessionId;
    }

    public String displayName() {
        return displayName;
    }

    public String site() {
        return site;
    }

    public String profession() {
        return profession;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
