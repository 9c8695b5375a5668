package org.colearn.server.stories;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.colearn.server.auth.Caller;
import org.colearn.server.community.Member;
import org.hibernate.Session;

/**
 * The one place that decides who reads, moderates and edits a story. A pair story is read only by the sites of
 * the pair, facilitators included; stories for the collaborative or the server are read once approved; only the
 * facilitators of the story's collaborative who can read its scope moderate it.
 */
final class Audience {

    private final Session session;
    private final Map<UUID, Member> memberships;

    private Audience(Session session, Map<UUID, Member> memberships) {
        this.session = session;
        this.memberships = memberships;
    }

    /** The caller's memberships, by collaborative. */
    static Audience of(Session session, Caller caller) {
        List<Member> members = session.createSelectionQuery("from Member where accountId = :account", Member.class)
                .setParameter("account", caller.accountId())
                .getResultList();
        return new Audience(session, members.stream().collect(Collectors.toMap(Member::collaborativeId, Function.identity())));
    }

    /** The caller's membership of a collaborative, or null. */
    Member memberOf(UUID collaborativeId) {
        return memberships.get(collaborativeId);
    }

    /** Whether the story's scope includes the caller, whatever its moderation status. */
    boolean inScope(Story story) {
        Member member = memberOf(story.collaborativeId());
        switch (story.visibility()) {
            case PAIR:
                return member != null
                        && member.siteId() != null
                        && PairScope.sitesSharing(session, story.scopeSiteId()).contains(member.siteId());
            case SESSION:
            case COLLABORATIVE:
                // Every member of a collaborative can see all of its learning sessions.
                return member != null;
            case SERVER:
                return !memberships.isEmpty();
            default:
                return false;
        }
    }

    boolean canRead(Story story) {
        return story.status() == StoryStatus.PUBLISHED && inScope(story);
    }

    boolean canModerate(Story story) {
        Member member = memberOf(story.collaborativeId());
        return member != null && member.isFacilitator() && inScope(story);
    }

    /** The credited author, recognised by their membership; anonymous authors are recognised only by their key. */
    boolean isCreditedAuthor(Story story) {
        Member member = memberOf(story.collaborativeId());
        return story.creditMemberId() != null && member != null && member.id().equals(story.creditMemberId());
    }

    boolean canSee(Story story) {
        return canRead(story) || canModerate(story) || isCreditedAuthor(story);
    }

    boolean isCommentAuthor(StoryComment comment) {
        return comment.creditMemberId() != null
                && memberships.values().stream().anyMatch(member -> member.id().equals(comment.creditMemberId()));
    }

    /**
     * The membership a comment on this story is credited through: the caller's membership of the story's
     * collaborative, or, for a server-wide story, of a collaborative of their own.
     */
    Member commenterFor(Story story) {
        Member member = memberOf(story.collaborativeId());
        if (member != null) {
            return member;
        }
        return memberships.values().stream()
                .min(java.util.Comparator.comparing(Member::collaborativeId))
                .orElse(null);
    }
}
