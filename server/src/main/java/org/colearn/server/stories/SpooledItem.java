package org.colearn.server.stories;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * An anonymous story or comment, or a follow-up or change made with an anonymous story's key, acknowledged and waiting
 * for the {@link Mixer} to write it: its kind, the randomised moment it is due, and the item as JSON. It names no
 * author and keeps no posting time.
 */
@Entity
@Table(name = "story_spool")
class SpooledItem {

    static final String STORY = "story";
    static final String COMMENT = "comment";
    static final String FOLLOW_UP = "follow_up";
    static final String EDIT = "edit";

    @Id
    private UUID id;

    @Column(nullable = false, length = 20)
    private String kind;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(nullable = false, length = 60000)
    private String item;

    protected SpooledItem() {}

    SpooledItem(String kind, Instant dueAt, String item) {
        this.id = UUID.randomUUID();
        this.kind = kind;
        this.dueAt = dueAt.truncatedTo(ChronoUnit.SECONDS);
        this.item = item;
    }

    UUID id() {
        return id;
    }

    String kind() {
        return kind;
    }

    Instant dueAt() {
        return dueAt;
    }

    String item() {
        return item;
    }
}
