package org.colearn.server.buddies;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One side's entry in a pair's log: what its site gave the other and what it got back. */
@Entity
@Table(name = "buddy_check_in")
public class CheckIn {

    @Id
    private UUID id;

    @Column(name = "pair_id", nullable = false)
    private UUID pairId;

    @Column(name = "site_id", nullable = false)
    private UUID siteId;

    @Column(name = "author_id", nullable = false)
    private UUID authorId;

    @Column(nullable = false, length = 2000)
    private String gave;

    @Column(nullable = false, length = 2000)
    private String got;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CheckIn() {}

    CheckIn(UUID pairId, UUID siteId, UUID authorId, String gave, String got, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.pairId = pairId;
        this.siteId = siteId;
        this.authorId = authorId;
        this.gave = gave;
        this.got = got;
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    UUID pairId() {
        return pairId;
    }

    UUID siteId() {
        return siteId;
    }

    UUID authorId() {
        return authorId;
    }

    String gave() {
        return gave;
    }

    String got() {
        return got;
    }

    Instant createdAt() {
        return createdAt;
    }
}
