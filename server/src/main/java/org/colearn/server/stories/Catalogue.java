package org.colearn.server.stories;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.colearn.server.system.ApiException;
import org.hibernate.Session;

/**
 * The stories a member reads from one collaborative: its own stories in their scope, and the approved stories other
 * collaboratives shared with the whole server, narrowed by a search and filters.
 */
final class Catalogue {

    /** The filters of the catalogue; each may be null. */
    record Filters(String q, String topic, String changeIdea, UUID siteId, String kind, String tag) {

        Filters {
            if (q != null && q.length() > 200) {
                throw ApiException.invalid("q", "must be at most 200 characters");
            }
            if (kind != null && !kind.isBlank() && !kind.equals("faculty") && !kind.equals("peer")) {
                throw ApiException.invalid("kind", "must be faculty or peer");
            }
        }
    }

    private Catalogue() {}

    /** Every story the caller may read here, newest first (anonymous ones by the week they were written in). */
    static List<Story> readable(Session session, UUID collaborativeId, Audience audience) {
        return readable(session, collaborativeId, audience, null);
    }

    /** As above, among the given stories only (when {@code among} is not null). */
    private static List<Story> readable(Session session, UUID collaborativeId, Audience audience, Set<UUID> among) {
        if (among != null && among.isEmpty()) {
            return List.of();
        }
        var query = session.createSelectionQuery(
                        "from Story where (collaborativeId = :collaborative or (visibility = :server and status = :published))"
                                + (among == null ? "" : " and id in :among"),
                        Story.class)
                .setParameter("collaborative", collaborativeId)
                .setParameter("server", Visibility.SERVER)
                .setParameter("published", StoryStatus.PUBLISHED);
        if (among != null) {
            query.setParameter("among", among);
        }
        return query.getResultList()
                .stream()
                .filter(story -> audience.canRead(story) || audience.isCreditedAuthor(story))
                .sorted(Comparator.comparing(Story::createdAt).reversed().thenComparing(Story::id))
                .toList();
    }

    static List<Story> search(Session session, UUID collaborativeId, Audience audience, Filters filters, StorySearch search) {
        // Searching first means loading only the stories that match, not the whole catalogue.
        Set<UUID> matching = present(filters.q()) ? search.matching(session, collaborativeId, filters.q().strip()) : null;
        return readable(session, collaborativeId, audience, matching).stream()
                .filter(story -> !present(filters.topic()) || story.topic().equalsIgnoreCase(filters.topic().strip()))
                .filter(story -> !present(filters.changeIdea()) || story.changeIdea().equalsIgnoreCase(filters.changeIdea().strip()))
                .filter(story -> filters.siteId() == null || (!story.anonymous() && filters.siteId().equals(story.creditSiteId())))
                .filter(story -> !present(filters.kind()) || story.faculty() == filters.kind().equals("faculty"))
                .filter(story -> !present(filters.tag()) || story.tags().contains(filters.tag().strip().toLowerCase(Locale.ROOT)))
                .toList();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
