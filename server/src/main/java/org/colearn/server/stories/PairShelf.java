package org.colearn.server.stories;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.colearn.plugin.api.Stories.Credit;
import org.colearn.server.auth.Caller;
import org.colearn.server.buddies.PairStories;
import org.hibernate.Session;

/**
 * The stories a buddy pair's space lists: pair stories written at its sites and stories credited to its sites, each
 * only if the reader may read it in the catalogue. An anonymous story is listed as "Anonymous", never with its site.
 */
final class PairShelf {

    private PairShelf() {}

    static List<PairStories.Entry> readable(Session session, Caller caller, UUID collaborativeId, Set<UUID> siteIds) {
        if (siteIds.isEmpty()) {
            return List.of();
        }
        Audience audience = Audience.of(session, caller);
        List<Story> stories = session.createSelectionQuery(
                        "from Story where collaborativeId = :c and status = :published"
                                + " and ((visibility = :pair and scopeSiteId in :sites) or (credit <> :nobody and creditSiteId in :sites))",
                        Story.class)
                .setParameter("c", collaborativeId)
                .setParameter("published", StoryStatus.PUBLISHED)
                .setParameter("pair", Visibility.PAIR)
                .setParameter("nobody", Credit.ANONYMOUS)
                .setParameter("sites", siteIds)
                .getResultList()
                .stream()
                .filter(audience::canRead)
                .sorted(Comparator.comparing(Story::createdAt).reversed().thenComparing(Story::id))
                .toList();
        StoryViews.Names names = StoryViews.Names.load(session, stories.stream().map(Story::creditMemberId).toList(),
                stories.stream().map(Story::creditSiteId).toList(), List.of());
        return stories.stream().map(story -> new PairStories.Entry(story.id(), story.title(), credit(story, names))).toList();
    }

    private static String credit(Story story, StoryViews.Names names) {
        return switch (story.credit()) {
            case PERSON -> names.member(story.creditMemberId())
                    + (story.creditSiteId() == null ? "" : ", " + names.site(story.creditSiteId()));
            case SITE -> "The team at " + names.site(story.creditSiteId());
            case ANONYMOUS -> "Anonymous";
        };
    }
}
