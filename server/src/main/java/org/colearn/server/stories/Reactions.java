package org.colearn.server.stories;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The supportive reactions on stories: one of each kind per person, shown only as counts per kind. Nobody sees who
 * reacted, and nothing ranks stories, people or sites by them.
 */
final class Reactions {

    private Reactions() {}

    static Map<String, Long> zero() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ReactionKind kind : ReactionKind.values()) {
            counts.put(kind.toString(), 0L);
        }
        return counts;
    }

    static Map<UUID, Map<String, Long>> counts(Session session, Collection<UUID> storyIds) {
        Map<UUID, Map<String, Long>> counts = new HashMap<>();
        for (Object[] row : session.createNativeQuery(
                        "select story_id, kind, count(*) from story_reaction where story_id in (:ids) group by story_id, kind",
                        Object[].class)
                .setParameter("ids", storyIds)
                .getResultList()) {
            UUID storyId = uuid(row[0]);
            counts.computeIfAbsent(storyId, id -> zero()).put(((String) row[1]).toLowerCase(java.util.Locale.ROOT), ((Number) row[2]).longValue());
        }
        return counts;
    }

    static Map<UUID, Set<String>> mine(Session session, Collection<UUID> storyIds, UUID accountId) {
        Map<UUID, Set<String>> mine = new HashMap<>();
        for (Object[] row : session.createNativeQuery(
                        "select story_id, kind from story_reaction where story_id in (:ids) and account_id = :account",
                        Object[].class)
                .setParameter("ids", storyIds)
                .setParameter("account", accountId)
                .getResultList()) {
            mine.computeIfAbsent(uuid(row[0]), id -> new HashSet<>()).add(((String) row[1]).toLowerCase(java.util.Locale.ROOT));
        }
        return mine;
    }

    static void add(Session session, UUID storyId, UUID accountId, ReactionKind kind) {
        Long present = ((Number) session.createNativeQuery(
                        "select count(*) from story_reaction where story_id = :story and account_id = :account and kind = :kind",
                        Object.class)
                .setParameter("story", storyId)
                .setParameter("account", accountId)
                .setParameter("kind", kind.name())
                .getSingleResult()).longValue();
        if (present == 0) {
            session.createNativeMutationQuery("insert into story_reaction (story_id, account_id, kind) values (:story, :account, :kind)")
                    .setParameter("story", storyId)
                    .setParameter("account", accountId)
                    .setParameter("kind", kind.name())
                    .executeUpdate();
        }
    }

    static void remove(Session session, UUID storyId, UUID accountId, ReactionKind kind) {
        session.createNativeMutationQuery("delete from story_reaction where story_id = :story and account_id = :account and kind = :kind")
                .setParameter("story", storyId)
                .setParameter("account", accountId)
                .setParameter("kind", kind.name())
                .executeUpdate();
    }

    /** A UUID from a native query, which H2 may hand back as its 16 bytes. */
    static UUID uuid(Object value) {
        if (value instanceof UUID id) {
            return id;
        }
        if (value instanceof byte[] bytes && bytes.length == 16) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
            return new UUID(buffer.getLong(), buffer.getLong());
        }
        return UUID.fromString(value.toString());
    }
}
