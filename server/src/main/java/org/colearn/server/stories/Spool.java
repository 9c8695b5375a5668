package org.colearn.server.stories;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.colearn.server.community.Collaborative;
import org.colearn.server.community.Site;
import org.colearn.server.system.Json;
import org.hibernate.Session;

/**
 * Where anonymous stories and comments wait between their posting and their writing by the {@link Mixer}: putting
 * them there with a randomised due moment, finding them by their edit key meanwhile, and making them into rows.
 */
final class Spool {

    /** The shortest and longest wait of an item before it is due; the mixer's rounds add at most a little more. */
    static final Duration SHORTEST_WAIT = Duration.ofMinutes(3);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(8);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** An anonymous story as posted: its id, where it belongs, who reads it, its key's hash and its week. */
    record SpooledStory(UUID id, UUID collaborativeId, UUID scopeSiteId, Instant week, String editKeyHash,
            StoryRequests.NewStory content) {}

    /** An anonymous comment as posted. */
    record SpooledComment(UUID id, UUID storyId, Instant week, String editKeyHash, String body) {}

    private Spool() {}

    static void put(Session session, SpooledStory story, Instant now) {
        session.persist(new SpooledItem(SpooledItem.STORY, due(now), json(story)));
    }

    static void put(Session session, SpooledComment comment, Instant now) {
        session.persist(new SpooledItem(SpooledItem.COMMENT, due(now), json(comment)));
    }

    /** A moment drawn uniformly between the shortest and the longest wait from now. */
    private static Instant due(Instant now) {
        long spread = LONGEST_WAIT.minus(SHORTEST_WAIT).toMillis();
        return now.plus(SHORTEST_WAIT).plusMillis(RANDOM.nextLong(spread + 1));
    }

    static List<SpooledItem> all(Session session) {
        return session.createSelectionQuery("from SpooledItem", SpooledItem.class).getResultList();
    }

    /** The waiting story whose edit key has this hash. */
    static Optional<SpooledItem> storyWithKey(Session session, String keyHash) {
        return all(session).stream()
                .filter(item -> item.kind().equals(SpooledItem.STORY) && story(item).editKeyHash().equals(keyHash))
                .findFirst();
    }

    /** The waiting story with this id, if the key opens it. */
    static Optional<SpooledItem> story(Session session, UUID storyId, String editKey) {
        return all(session).stream()
                .filter(item -> item.kind().equals(SpooledItem.STORY) && story(item).id().equals(storyId))
                .filter(item -> EditKeys.matches(editKey, story(item).editKeyHash()))
                .findFirst();
    }

    /** The waiting comment with this id on this story, if the key opens it. */
    static Optional<SpooledItem> comment(Session session, UUID storyId, UUID commentId, String editKey) {
        return all(session).stream()
                .filter(item -> item.kind().equals(SpooledItem.COMMENT))
                .filter(item -> comment(item).id().equals(commentId) && comment(item).storyId().equals(storyId))
                .filter(item -> EditKeys.matches(editKey, comment(item).editKeyHash()))
                .findFirst();
    }

    static SpooledStory story(SpooledItem item) {
        return read(item, SpooledStory.class);
    }

    static SpooledComment comment(SpooledItem item) {
        return read(item, SpooledComment.class);
    }

    /** The story as it will be written, not yet persisted. */
    static Story asStory(Session session, SpooledStory spooled) {
        Story story = new Story(spooled.id(), spooled.collaborativeId(), Credit.NOBODY, null, null, spooled.editKeyHash(),
                spooled.week());
        story.write(spooled.content(), spooled.week());
        StoryWriting.scope(session, story, spooled.content().visibility(), spooled.content().sessionId(), spooled.scopeSiteId());
        story.faculty(false);
        StoryWriting.reindex(session, story);
        return story;
    }

    static StoryComment asComment(SpooledComment spooled) {
        return new StoryComment(spooled.id(), spooled.storyId(), Credit.NOBODY, null, null, spooled.editKeyHash(),
                spooled.body(), spooled.week());
    }

    /**
     * Whether what the item refers to is still there (its collaborative, site and session; a comment's story) and its
     * key opens nothing else: otherwise it is dropped, as it would have been deleted with what it belonged to.
     */
    static boolean stillFits(Session session, SpooledItem item) {
        if (item.kind().equals(SpooledItem.COMMENT)) {
            return session.find(Story.class, comment(item).storyId()) != null;
        }
        SpooledStory story = story(item);
        UUID sessionId = story.content().sessionId();
        return session.find(Collaborative.class, story.collaborativeId()) != null
                && (story.scopeSiteId() == null || session.find(Site.class, story.scopeSiteId()) != null)
                && (sessionId == null || session.find(org.colearn.server.session.LearningSession.class, sessionId) != null)
                && session.createSelectionQuery("select count(*) from Story where editKeyHash = :hash", Long.class)
                        .setParameter("hash", story.editKeyHash()).getSingleResult() == 0;
    }

    private static String json(Object item) {
        try {
            return Json.MAPPER.writeValueAsString(item);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a spooled item could not be written as JSON", e);
        }
    }

    private static <T> T read(SpooledItem item, Class<T> type) {
        try {
            return Json.MAPPER.readValue(item.item(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a spooled item is not the JSON it was written as", e);
        }
    }
}
