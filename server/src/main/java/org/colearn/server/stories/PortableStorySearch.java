package org.colearn.server.stories;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * Search for databases without full-text search (H2): every word of the query must occur somewhere in the story,
 * ignoring case. No stemming, so "learn" finds "learned" but "learning" does not find "learned".
 */
final class PortableStorySearch implements StorySearch {

    private static final int MAX_WORDS = 10;

    @Override
    public Set<UUID> matching(Session session, UUID collaborativeId, String query) {
        List<String> words = Arrays.stream(query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty())
                .distinct()
                .limit(MAX_WORDS)
                .toList();
        if (words.isEmpty()) {
            return Set.of();
        }
        StringBuilder sql = new StringBuilder(
                "select id from story where (collaborative_id = :collaborative or visibility = 'SERVER')");
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            sql.append(" and lower(search_text) like :w").append(i);
            // Words hold only letters and digits, so there is no LIKE wildcard to escape.
            patterns.add("%" + words.get(i) + "%");
        }
        var nativeQuery = session.createNativeQuery(sql.toString(), Object.class).setParameter("collaborative", collaborativeId);
        for (int i = 0; i < patterns.size(); i++) {
            nativeQuery.setParameter("w" + i, patterns.get(i));
        }
        return nativeQuery.getResultList().stream().map(Reactions::uuid).collect(Collectors.toSet());
    }
}
