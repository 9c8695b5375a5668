package org.colearn.server.stories;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.colearn.plugin.api.Stories.Credit;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A failure story: what a team tried, what happened and what they learned. It keeps the scope ids its visibility
 * needs and, when credited, who it is credited to; an anonymous story keeps nothing that leads back to its author.
 */
@Entity
@Table(name = "story")
class Story {

    @Id
    private UUID id;

    @Column(name = "collaborative_id", nullable = false)
    private UUID collaborativeId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private Visibility visibility;

    @Column(name = "scope_site_id")
    private UUID scopeSiteId;

    @Column(name = "scope_session_id")
    private UUID scopeSessionId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private Credit credit;

    @Column(name = "credit_member_id")
    private UUID creditMemberId;

    @Column(name = "credit_site_id")
    private UUID creditSiteId;

    @Column(nullable = false)
    private boolean faculty;

    @Column(name = "edit_key_hash", length = 64)
    private String editKeyHash;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private StoryStatus status;

    @Column(name = "moderation_note", length = 1000)
    private String moderationNote;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false, length = 200)
    private String topic;

    @Column(name = "change_idea", nullable = false, length = 200)
    private String changeIdea;

    @Column(name = "what_we_tried", nullable = false, length = 4000)
    private String whatWeTried;

    @Column(name = "what_happened", nullable = false, length = 4000)
    private String whatHappened;

    @Column(name = "what_we_learned", nullable = false, length = 4000)
    private String whatWeLearned;

    @Column(name = "what_we_would_do_differently", nullable = false, length = 4000)
    private String whatWeWouldDoDifferently;

    @Column(nullable = false, length = 600)
    private String tags;

    @Column(name = "search_text", nullable = false, length = 40000)
    private String searchText;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Story() {}

    Story(UUID collaborativeId, Credit credit, UUID creditMemberId, UUID creditSiteId, String editKeyHash, Instant createdAt) {
        this(UUID.randomUUID(), collaborativeId, credit, creditMemberId, creditSiteId, editKeyHash, createdAt);
    }

    /** A story with the given random id: an anonymous one gets its id when posted and is written later. */
    Story(UUID id, UUID collaborativeId, Credit credit, UUID creditMemberId, UUID creditSiteId, String editKeyHash,
            Instant createdAt) {
        this.id = id;
        this.collaborativeId = collaborativeId;
        this.credit = credit;
        this.creditMemberId = credit == Credit.ANONYMOUS ? null : creditMemberId;
        this.creditSiteId = credit == Credit.ANONYMOUS ? null : creditSiteId;
        this.editKeyHash = credit == Credit.ANONYMOUS ? editKeyHash : null;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    void write(StoryRequests.Content content, Instant updatedAt) {
        this.title = content.title().strip();
        this.topic = content.topic().strip();
        this.changeIdea = content.changeIdea().strip();
        this.whatWeTried = content.whatWeTried().strip();
        this.whatHappened = content.whatHappened().strip();
        this.whatWeLearned = content.whatWeLearned().strip();
        this.whatWeWouldDoDifferently = content.whatWeWouldDoDifferently().strip();
        this.tags = String.join(",", StoryRequests.tags(content.tags()));
        this.updatedAt = updatedAt;
    }

    void scope(Visibility visibility, UUID siteId, UUID sessionId) {
        this.visibility = visibility;
        this.scopeSiteId = visibility == Visibility.PAIR ? siteId : null;
        this.scopeSessionId = visibility == Visibility.SESSION ? sessionId : null;
        // A hidden story that its author changes goes back to a facilitator rather than reappearing unseen.
        boolean review = visibility.needsApproval() || status == StoryStatus.HIDDEN;
        this.status = review ? StoryStatus.PENDING : StoryStatus.PUBLISHED;
        this.moderationNote = null;
    }

    void faculty(boolean faculty) {
        this.faculty = faculty;
    }

    void moderate(StoryStatus status, String note) {
        this.status = status;
        this.moderationNote = note;
    }

    /** Replaces each passage by "[removed]" in every text field. */
    void redact(List<String> passages, String note) {
        for (String passage : passages) {
            title = title.replace(passage, "[removed]");
            whatWeTried = whatWeTried.replace(passage, "[removed]");
            whatHappened = whatHappened.replace(passage, "[removed]");
            whatWeLearned = whatWeLearned.replace(passage, "[removed]");
            whatWeWouldDoDifferently = whatWeWouldDoDifferently.replace(passage, "[removed]");
        }
        this.moderationNote = note;
    }

    void searchText(String text) {
        this.searchText = text;
    }

    UUID id() {
        return id;
    }

    UUID collaborativeId() {
        return collaborativeId;
    }

    Visibility visibility() {
        return visibility;
    }

    UUID scopeSiteId() {
        return scopeSiteId;
    }

    UUID scopeSessionId() {
        return scopeSessionId;
    }

    Credit credit() {
        return credit;
    }

    boolean anonymous() {
        return credit == Credit.ANONYMOUS;
    }

    UUID creditMemberId() {
        return creditMemberId;
    }

    UUID creditSiteId() {
        return creditSiteId;
    }

    boolean faculty() {
        return faculty;
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

    String title() {
        return title;
    }

    String topic() {
        return topic;
    }

    String changeIdea() {
        return changeIdea;
    }

    String whatWeTried() {
        return whatWeTried;
    }

    String whatHappened() {
        return whatHappened;
    }

    String whatWeLearned() {
        return whatWeLearned;
    }

    String whatWeWouldDoDifferently() {
        return whatWeWouldDoDifferently;
    }

    List<String> tags() {
        return tags.isEmpty() ? List.of() : Arrays.asList(tags.split(","));
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
