package org.colearn.server.buddies;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One round of pairing in a collaborative (typically one per action period), and when its pairs count as quiet. */
@Entity
@Table(name = "buddy_round")
public class BuddyRound {

    @Id
    private UUID id;

    @Column(name = "collaborative_id", nullable = false)
    private UUID collaborativeId;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(name = "quiet_after_days", nullable = false)
    private int quietAfterDays;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected BuddyRound() {}

    BuddyRound(UUID collaborativeId, String name, int quietAfterDays, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.collaborativeId = collaborativeId;
        this.name = name;
        this.quietAfterDays = quietAfterDays;
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    UUID collaborativeId() {
        return collaborativeId;
    }

    String name() {
        return name;
    }

    int quietAfterDays() {
        return quietAfterDays;
    }

    Instant createdAt() {
        return createdAt;
    }
}
