package org.colearn.server.stories;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.colearn.plugin.api.Stories.Credit;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A reader's comment on a story, credited or anonymous on the same terms as a story. */
@Entity
@Table(name = "story_comment")
class StoryComment {

    @Id
    private UUID id;

    @Column(name = "story_id", nullable = false)
    private UUID storyId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private Credit credit;

    @Column(name = "credit_member_id")
    private UUID creditMemberId;

    @Column(name = "credit_site_id")
    private UUID creditSiteId;

    @Column(name = "edit_key_hash", length = 64)
    private String editKeyHash;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private StoryStatus status;

    @Column(name = "moderation_note", length = 1000)
    private String moderationNote;

    @Column(nullable = false, length = 4000)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected StoryComment() {}

    StoryComment(UUID storyId, Credit credit, UUID memberId, UUID siteId, String editKeyHash, String body, Instant createdAt) {
        this(UUID.randomUUID(), storyId, credit, memberId, siteId, editKeyHash, body, createdAt);
    }

    /** A comment with the given random id: an anonymous one gets its id when posted and is written later. */
    StoryComment(UUID id, UUID storyId, Credit credit, UUID memberId, UUID siteId, String editKeyHash, String body,
            Instant createdAt) {
        this.id = id;
        this.storyId = storyId;
        this.credit = credit;
        this.creditMemberId = credit == Credit.ANONYMOUS ? null : memberId;
        this.creditSiteId = credit == Credit.ANONYMOUS ? null : siteId;
        this.editKeyHash = credit == Credit.ANONYMOUS ? editKeyHash : null;
        this.status = StoryStatus.PUBLISHED;
        this.body = body;
        this.createdAt = createdAt;
    }

    void moderate(StoryStatus status, String note) {
        this.status = status;
        this.moderationNote = note;
    }

    void redact(List<String> passages, String note) {
        for (String passage : passages) {
            body = body.replace(passage, "[removed]");
        }
        this.moderationNote = note;
    }

    UUID id() {
        return id;
    }

    UUID storyId() {
        return storyId;
    }

    Credit credit() {
        return credit;
    }

    UUID creditMemberId() {
        return creditMemberId;
    }

    UUID creditSiteId() {
        return creditSiteId;
    }

    String editKeyHash() {
        return editKeyHash;
    }

    StoryStatus status() {
        return status;
    }

    String moderationNote() {
        return moderationNote;
    }

    String body() {
        return body;
    }

    Instant createdAt() {
        return createdAt;
    }
}
