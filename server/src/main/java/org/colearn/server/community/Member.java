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
 * A person's place in a collaborative: their site, profession and role. A member imported from a CSV file has an
 * email address but no account until that person signs up or logs in with it.
 */
@Entity
@Table(name = "member")
public class Member {

    @Id
    private UUID id;

    @Column(name = "collaborative_id", nullable = false)
    private UUID collaborativeId;

    @Column(name = "account_id")
    private UUID accountId;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "display_name", nullable = false, length = 120)
    private String displayName;

    @Column(name = "site_id")
    private UUID siteId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(length = 40)
    private Profession profession;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 40)
    private MemberRole role;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    /** The site the member asked to move to, until a facilitator or that site's lead answers; null when none. */
    @Column(name = "move_site_id")
    private UUID moveSiteId;

    @Column(name = "move_requested_at")
    private Instant moveRequestedAt;

    protected Member() {}

    Member(UUID collaborativeId, UUID accountId, String email, String displayName, Instant joinedAt) {
        this.id = UUID.randomUUID();
        this.collaborativeId = collaborativeId;
        this.accountId = accountId;
        this.email = email;
        this.displayName = displayName;
        this.joinedAt = joinedAt;
    }

    void place(UUID siteId, Profession profession, MemberRole role) {
        this.siteId = siteId;
        this.profession = profession;
        this.role = role;
    }

    void requestMove(UUID siteId, Instant at) {
        this.moveSiteId = siteId;
        this.moveRequestedAt = at;
    }

    void forgetMove() {
        this.moveSiteId = null;
        this.moveRequestedAt = null;
    }

    UUID moveSiteId() {
        return moveSiteId;
    }

    Instant moveRequestedAt() {
        return moveRequestedAt;
    }

    void linkAccount(UUID accountId, String displayName) {
        this.accountId = accountId;
        this.displayName = displayName;
    }

    public UUID id() {
        return id;
    }

    public UUID collaborativeId() {
        return collaborativeId;
    }

    public UUID accountId() {
        return accountId;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public UUID siteId() {
        return siteId;
    }

    public Profession profession() {
        return profession;
    }

    public MemberRole role() {
        return role;
    }

    Instant joinedAt() {
        return joinedAt;
    }

    /** Whether the person has an account linked yet (imported members have not, until they sign up). */
    boolean active() {
        return accountId != null;
    }

    public boolean isFacilitator() {
        return role == MemberRole.FACILITATOR;
    }
}
