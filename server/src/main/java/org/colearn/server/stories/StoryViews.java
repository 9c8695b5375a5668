package org.colearn.server.stories;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.colearn.plugin.api.Stories.Credit;
import org.colearn.server.auth.Caller;
import org.colearn.server.community.Collaborative;
import org.colearn.server.community.Member;
import org.colearn.server.community.Site;
import org.hibernate.Session;

/**
 * The JSON shapes of stories and comments, projected for one reader. An anonymous story or comment is projected
 * with no author, no site and only the week it was written in, for everyone, its author included.
 */
final class StoryViews {

    private StoryViews() {}

    record FollowUpView(String body, Instant postedAt, String timePrecision) {}

    record StoryView(
            UUID id,
            UUID collaborativeId,
            String collaborativeName,
            String title,
            String topic,
            String changeIdea,
            String whatWeTried,
            String whatHappened,
            String whatWeLearned,
            String whatWeWouldDoDifferently,
            List<String> tags,
            List<FollowUpView> followUps,
            Credit credit,
            String authorName,
            UUID siteId,
            String siteName,
            boolean faculty,
            Visibility visibility,
            UUID sessionId,
            StoryStatus status,
            String moderationNote,
            Instant postedAt,
            Instant updatedAt,
            String timePrecision,
            Map<String, Long> reactions,
            List<String> myReactions,
            long commentCount,
            boolean mine,
            boolean canModerate) {}

    /** A new anonymous story or comment's private edit key rides along once, in the answer to its author. */
    record Created<T>(T item, String editKey) {}

    record CommentView(
            UUID id,
            UUID storyId,
            String body,
            Credit credit,
            String authorName,
            UUID siteId,
            String siteName,
            StoryStatus status,
            String moderationNote,
            Instant postedAt,
            String timePrecision,
            boolean mine) {}

    /** Projects many stories with a handful of queries, not a handful per story. */
    static List<StoryView> of(Session session, Collection<Story> stories, Audience audience, Caller caller, boolean byKey) {
        if (stories.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = stories.stream().map(Story::id).toList();
        Map<UUID, List<FollowUpView>> followUps = new HashMap<>();
        for (Object[] row : session.createSelectionQuery(
                        "select f.storyId, f.body, f.createdAt from FollowUp f where f.storyId in :ids order by f.createdAt",
                        Object[].class)
                .setParameter("ids", ids)
                .getResultList()) {
            followUps.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add(new FollowUpView((String) row[1], (Instant) row[2], null));
        }
        Map<UUID, Map<String, Long>> reactions = Reactions.counts(session, ids);
        Map<UUID, Set<String>> mine = Reactions.mine(session, ids, caller.accountId());
        Map<UUID, Long> comments = new HashMap<>();
        for (Object[] row : session.createSelectionQuery(
                        "select storyId, count(*) from StoryComment where storyId in :ids and status = :published group by storyId",
                        Object[].class)
                .setParameter("ids", ids)
                .setParameter("published", StoryStatus.PUBLISHED)
                .getResultList()) {
            comments.put((UUID) row[0], (Long) row[1]);
        }
        Names names = Names.load(session, stories.stream().map(Story::creditMemberId).toList(),
                stories.stream().map(Story::creditSiteId).toList(), stories.stream().map(Story::collaborativeId).toList());
        List<StoryView> views = new ArrayList<>();
        for (Story story : stories) {
            String precision = PostingTime.precision(story.credit());
            List<FollowUpView> storyFollowUps = followUps.getOrDefault(story.id(), List.of()).stream()
                    .map(f -> new FollowUpView(f.body(), f.postedAt(), precision))
                    .toList();
            boolean author = byKey || audience.isCreditedAuthor(story);
            boolean moderator = audience.canModerate(story);
            views.add(new StoryView(
                    story.id(),
                    story.collaborativeId(),
                    names.collaborative(story.collaborativeId()),
                    story.title(),
                    story.topic(),
                    story.changeIdea(),
                    story.whatWeTried(),
                    story.whatHappened(),
                    story.whatWeLearned(),
                    story.whatWeWouldDoDifferently(),
                    story.tags(),
                    storyFollowUps,
                    story.credit(),
                    story.credit() == Credit.PERSON ? names.member(story.creditMemberId()) : null,
                    story.anonymous() ? null : story.creditSiteId(),
                    story.anonymous() ? null : names.site(story.creditSiteId()),
                    story.faculty(),
                    story.visibility(),
                    story.scopeSessionId(),
                    story.status(),
                    author || moderator ? story.moderationNote() : null,
                    story.createdAt(),
                    story.updatedAt(),
                    precision,
                    reactions.getOrDefault(story.id(), Reactions.zero()),
                    List.copyOf(mine.getOrDefault(story.id(), Set.of())),
                    comments.getOrDefault(story.id(), 0L),
                    author,
                    moderator));
        }
        return views;
    }

    static StoryView of(Session session, Story story, Audience audience, Caller caller, boolean byKey) {
        return of(session, List.of(story), audience, caller, byKey).get(0);
    }

    /** An anonymous story as its author sees it while it waits to be written: its status says so. */
    static StoryView posting(StoryView v) {
        return copy(v, v.followUps(), StoryStatus.POSTING, null, false);
    }

    /** The story with one more follow-up, which its author added and which waits to be written. */
    static StoryView withFollowUp(StoryView v, FollowUpView followUp) {
        List<FollowUpView> followUps = new ArrayList<>(v.followUps());
        followUps.add(followUp);
        return copy(v, List.copyOf(followUps), v.status(), v.moderationNote(), v.canModerate());
    }

    private static StoryView copy(StoryView v, List<FollowUpView> followUps, StoryStatus status, String note, boolean canModerate) {
        return new StoryView(v.id(), v.collaborativeId(), v.collaborativeName(), v.title(), v.topic(), v.changeIdea(),
                v.whatWeTried(), v.whatHappened(), v.whatWeLearned(), v.whatWeWouldDoDifferently(), v.tags(), followUps,
                v.credit(), v.authorName(), v.siteId(), v.siteName(), v.faculty(), v.visibility(), v.sessionId(), status,
                note, v.postedAt(), v.updatedAt(), v.timePrecision(), v.reactions(), v.myReactions(), v.commentCount(),
                v.mine(), canModerate);
    }

    /** An anonymous comment as its author sees it while it waits to be written. */
    static CommentView posting(CommentView v) {
        return new CommentView(v.id(), v.storyId(), v.body(), v.credit(), v.authorName(), v.siteId(), v.siteName(),
                StoryStatus.POSTING, null, v.postedAt(), v.timePrecision(), true);
    }

    static List<CommentView> comments(Session session, List<StoryComment> comments, Audience audience, boolean moderator) {
        Names names = Names.load(session, comments.stream().map(StoryComment::creditMemberId).toList(),
                comments.stream().map(StoryComment::creditSiteId).toList(), List.of());
        return comments.stream().map(comment -> {
            boolean mine = audience.isCommentAuthor(comment);
            boolean anonymous = comment.credit() == Credit.ANONYMOUS;
            return new CommentView(
                    comment.id(),
                    comment.storyId(),
                    comment.body(),
                    comment.credit(),
                    comment.credit() == Credit.PERSON ? names.member(comment.creditMemberId()) : null,
                    anonymous ? null : comment.creditSiteId(),
                    anonymous ? null : names.site(comment.creditSiteId()),
                    comment.status(),
                    mine || moderator ? comment.moderationNote() : null,
                    comment.createdAt(),
                    PostingTime.precision(comment.credit()),
                    mine);
        }).toList();
    }

    /** Display names of the members, sites and collaboratives that views mention. */
    record Names(Map<UUID, String> members, Map<UUID, String> sites, Map<UUID, String> collaboratives) {

        static Names load(Session session, List<UUID> memberIds, List<UUID> siteIds, List<UUID> collaborativeIds) {
            Map<UUID, String> members = new LinkedHashMap<>();
            Set<UUID> wantedMembers = withoutNulls(memberIds);
            if (!wantedMembers.isEmpty()) {
                session.createSelectionQuery("from Member where id in :ids", Member.class)
                        .setParameter("ids", wantedMembers)
                        .getResultList()
                        .forEach(member -> members.put(member.id(), member.displayName()));
            }
            Map<UUID, String> sites = new LinkedHashMap<>();
            Set<UUID> wantedSites = withoutNulls(siteIds);
            if (!wantedSites.isEmpty()) {
                session.createSelectionQuery("from Site where id in :ids", Site.class)
                        .setParameter("ids", wantedSites)
                        .getResultList()
                        .forEach(site -> sites.put(site.id(), site.name()));
            }
            Map<UUID, String> collaboratives = new LinkedHashMap<>();
            for (UUID id : withoutNulls(collaborativeIds)) {
                Collaborative collaborative = session.find(Collaborative.class, id);
                if (collaborative != null) {
                    collaboratives.put(id, collaborative.name());
                }
            }
            return new Names(members, sites, collaboratives);
        }

        String member(UUID id) {
            return id == null ? null : members.get(id);
        }

        String site(UUID id) {
            return id == null ? null : sites.get(id);
        }

        String collaborative(UUID id) {
            return collaboratives.get(id);
        }

        private static Set<UUID> withoutNulls(List<UUID> ids) {
            Set<UUID> set = new HashSet<>(ids);
            set.remove(null);
            return set;
        }
    }
}
