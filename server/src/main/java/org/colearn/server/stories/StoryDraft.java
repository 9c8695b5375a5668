package org.colearn.server.stories;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A story being written, saved as its author types; private to them and deleted when the story is posted. */
@Entity
@Table(name = "story_draft")
class StoryDraft {

    @Id
    private UUID id;

    @Column(name = "collaborative_id", nullable = false)
    private UUID collaborativeId;

    @Column(name = "member_id", nullable = false)
    private UUID memberId;

    @Column(nullable = false, length = 40000)
    private String content;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected StoryDraft() {}

    StoryDraft(UUID collaborativeId, UUID memberId) {
        this.id = UUID.randomUUID();
        this.collaborativeId = collaborativeId;
        this.memberId = memberId;
    }

    void save(String content, Instant at) {
        this.content = content;
        this.updatedAt = at;
    }

    UUID id() {
        return id;
    }

    UUID collaborativeId() {
        return collaborativeId;
    }

    UUID memberId() {
        return memberId;
    }

    String content() {
        return content;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
