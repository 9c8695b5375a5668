package org.colearn.server.buddies;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A note in a pair's space, with an optional link to a shared file or page. */
@Entity
@Table(name = "buddy_note")
public class PairNote {

    @Id
    private UUID id;

    @Column(name = "pair_id", nullable = false)
    private UUID pairId;

    @Column(name = "author_id", nullable = false)
    private UUID authorId;

    @Column(nullable = false, length = 4000)
    private String body;

    @Column(length = 2000)
    private String link;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PairNote() {}

    PairNote(UUID pairId, UUID authorId, String body, String link, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.pairId = pairId;
        this.authorId = authorId;
        this.body = body;
        this.link = link;
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    UUID pairId() {
        return pairId;
    }

    UUID authorId() {
        return authorId;
    }

    String body() {
        return body;
    }

    String link() {
        return link;
    }

    Instant createdAt() {
        return createdAt;
    }
}
