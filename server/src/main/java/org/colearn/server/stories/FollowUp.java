package org.colearn.server.stories;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What the authors of a story changed as a result, added later by them. */
@Entity
@Table(name = "story_follow_up")
class FollowUp {

    @Id
    private UUID id;

    @Column(name = "story_id", nullable = false)
    private UUID storyId;

    @Column(nullable = false, length = 4000)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected FollowUp() {}

    FollowUp(UUID storyId, String body, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.storyId = storyId;
        this.body = body;
        this.createdAt = createdAt;
    }

    String body() {
        return body;
    }

    Instant createdAt() {
        return createdAt;
    }
}
