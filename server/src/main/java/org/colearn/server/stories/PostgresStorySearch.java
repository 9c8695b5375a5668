package org.colearn.server.stories;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * PostgreSQL full-text search: {@code websearch_to_tsquery} understands what people type (words, "quoted phrases",
 * -exclusions, or), English stemming finds "learned" for "learning", and the expression matches the GIN index of
 * the PostgreSQL-only migration.
 */
final class PostgresStorySearch implements StorySearch {

    @Override
    public Set<UUID> matching(Session session, UUID collaborativeId, String query) {
        return session.createNativeQuery(
                        "select id from story where (collaborative_id = :collaborative or visibility = 'SERVER')"
                                + " and to_tsvector('english', search_text) @@ websearch_to_tsquery('english', :query)",
                        Object.class)
                .setParameter("collaborative", collaborativeId)
                .setParameter("query", query)
                .getResultList()
                .stream()
                .map(Reactions::uuid)
                .collect(Collectors.toSet());
    }
}
