package org.colearn.server.buddies;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A next step a pair agreed (in a buddy meet), kept in its space: what was agreed, by whom, and whether and by whom
 * it was done. Its key is what the activity called it, so that keeping it again does not add it twice.
 */
@Entity
@Table(name = "buddy_step")
public class PairStep {

    static final int MAX_TEXT = 500;
    static final int MAX_KEY = 200;

    @Id
    private UUID id;

    @Column(name = "pair_id", nullable = false)
    private UUID pairId;

    @Column(name = "step_key", nullable = false, length = MAX_KEY)
    private String key;

    @Column(nullable = false, length = MAX_TEXT)
    private String body;

    @Column(name = "agreed_by", length = 120)
    private String agreedBy;

    @Column(name = "agreed_at", nullable = false)
    private Instant agreedAt;

    @Column(name = "done_at")
    private Instant doneAt;

    @Column(name = "done_by_id")
    private UUID doneById;

    protected PairStep() {}

    PairStep(UUID pairId, String key, String body, String agreedBy, Instant agreedAt) {
        this.id = UUID.randomUUID();
        this.pairId = pairId;
        this.key = key;
        this.body = body;
        this.agreedBy = agreedBy;
        this.agreedAt = agreedAt;
    }

    /** Marks it done (by a member of the pair, or null when it was done at the meet) or open again. */
    void done(boolean done, UUID byMemberId, Instant now) {
        this.doneAt = done ? now : null;
        this.doneById = done ? byMemberId : null;
    }

    boolean done() {
        return doneAt != null;
    }

    UUID id() {
        return id;
    }

    UUID pairId() {
        return pairId;
    }

    String key() {
        return key;
    }

    String body() {
        return body;
    }

    String agreedBy() {
        return agreedBy;
    }

    Instant agreedAt() {
        return agreedAt;
    }

    Instant doneAt() {
        return doneAt;
    }

    UUID doneById() {
        return doneById;
    }
}
