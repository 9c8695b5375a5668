package org.colearn.server.buddies;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.colearn.server.buddies.matching.Group;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Two sites (or three) put together in a round: the score and reasons they were proposed with, and their state. */
@Entity
@Table(name = "buddy_pair")
public class BuddyPair {

    @Id
    private UUID id;

    @Column(name = "round_id", nullable = false)
    private UUID roundId;

    @Column(name = "collaborative_id", nullable = false)
    private UUID collaborativeId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private PairStatus status;

    @Column(nullable = false)
    private boolean pinned;

    @Column(nullable = false)
    private int score;

    @Column(nullable = false)
    private int mutuality;

    @Column(nullable = false)
    private int locality;

    @Column(nullable = false)
    private int stage;

    @Column(nullable = false)
    private int freshness;

    @Column(nullable = false)
    private boolean mutual;

    @Column(nullable = false, length = 8000)
    private String reasons;

    @Column(name = "faculty_invited", nullable = false)
    private boolean facultyInvited;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "active_since")
    private Instant activeSince;

    @Column(name = "last_check_in_at")
    private Instant lastCheckInAt;

    protected BuddyPair() {}

    BuddyPair(UUID roundId, UUID collaborativeId, Group group, Instant now) {
        this.id = UUID.randomUUID();
        this.roundId = roundId;
        this.collaborativeId = collaborativeId;
        this.status = PairStatus.PROPOSED;
        this.createdAt = now;
        describe(group);
    }

    /** Takes the score, parts and reasons of the group this pair now is (after a swap, a pin or a run). */
    void describe(Group group) {
        this.pinned = group.pinned();
        this.score = group.score();
        this.mutuality = group.mutuality();
        this.locality = group.locality();
        this.stage = group.stage();
        this.freshness = group.freshness();
        this.mutual = group.mutual();
        this.reasons = JsonText.write(group.reasons());
    }

    void pin(boolean pinned) {
        this.pinned = pinned;
    }

    void publish(Instant now) {
        this.status = PairStatus.PUBLISHED;
        this.publishedAt = now;
    }

    void activate(Instant now) {
        this.status = PairStatus.ACTIVE;
        this.activeSince = now;
    }

    void decline() {
        this.status = PairStatus.DECLINED;
    }

    void checkedIn(Instant now) {
        this.lastCheckInAt = now;
    }

    void inviteFaculty(boolean invited) {
        this.facultyInvited = invited;
    }

    /** An active pair is quiet when nobody has checked in for the round's set time: a nudge, never a failure. */
    boolean quiet(Clock clock, int quietAfterDays) {
        if (status != PairStatus.ACTIVE) {
            return false;
        }
        Instant last = lastCheckInAt != null ? lastCheckInAt : activeSince;
        return last.plus(Duration.ofDays(quietAfterDays)).isBefore(clock.instant());
    }

    UUID id() {
        return id;
    }

    UUID roundId() {
        return roundId;
    }

    UUID collaborativeId() {
        return collaborativeId;
    }

    PairStatus status() {
        return status;
    }

    boolean pinned() {
        return pinned;
    }

    int score() {
        return score;
    }

    int mutuality() {
        return mutuality;
    }

    int locality() {
        return locality;
    }

    int stage() {
        return stage;
    }

    int freshness() {
        return freshness;
    }

    boolean mutual() {
        return mutual;
    }

    List<String> reasons() {
        return JsonText.list(reasons);
    }

    boolean facultyInvited() {
        return facultyInvited;
    }

    Instant activeSince() {
        return activeSince;
    }

    Instant lastCheckInAt() {
        return lastCheckInAt;
    }
}
