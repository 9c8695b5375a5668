package org.colearn.server.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A learning session of a collaborative: a title, a start time and a planned length. Its agenda is separate. */
@Entity
@Table(name = "learning_session")
public class LearningSession {

    @Id
    private UUID id;

    @Column(name = "collaborative_id", nullable = false)
    private UUID collaborativeId;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;

    @Column(name = "join_code", length = 16, unique = true)
    private String joinCode;

    @Column(name = "guests_allowed", nullable = false)
    private boolean guestsAllowed;

    @Column(name = "created_by", nullable = false)
    private UUID createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected LearningSession() {}

    LearningSession(UUID collaborativeId, UUID createdBy, Instant createdAt, String joinCode) {
        this.id = UUID.randomUUID();
        this.joinCode = joinCode;
        this.collaborativeId = collaborativeId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void update(String title, Instant startsAt, int durationMinutes) {
        this.title = title;
        this.startsAt = startsAt;
        this.durationMinutes = durationMinutes;
    }

    public UUID id() {
        return id;
    }

    public UUID collaborativeId() {
        return collaborativeId;
    }

    public String title() {
        return title;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public int durationMinutes() {
        return durationMinutes;
    }

    /** The short code guests type to join, such as {@code K7QX-3MPD}. */
    public String joinCode() {
        return joinCode;
    }

    public boolean guestsAllowed() {
        return guestsAllowed;
    }

    void guestsAllowed(boolean allowed) {
        this.guestsAllowed = allowed;
    }
}
