package org.colearn.server.community;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A link that lets whoever opens it join a collaborative in a given role. Facilitators can copy it again at any
 * time and revoke it; it stops working when it expires.
 */
@Entity
@Table(name = "invitation")
public class Invitation {

    @Id
    private UUID id;

    @Column(name = "collaborative_id", nullable = false)
    private UUID collaborativeId;

    @Column(nullable = false, unique = true, length = 64)
    private String code;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 40)
    private MemberRole role;

    @Column(name = "created_by", nullable = false)
    private UUID createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "times_used", nullable = false)
    private int timesUsed;

    protected Invitation() {}

    Invitation(UUID collaborativeId, String code, MemberRole role, UUID createdBy, Instant createdAt, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.collaborativeId = collaborativeId;
        this.code = code;
        this.role = role;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    UUID id() {
        return id;
    }

    UUID collaborativeId() {
        return collaborativeId;
    }

    String code() {
        return code;
    }

    MemberRole role() {
        return role;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    Instant revokedAt() {
        return revokedAt;
    }

    int timesUsed() {
        return timesUsed;
    }

    boolean usableAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    void used() {
        timesUsed++;
    }
}
