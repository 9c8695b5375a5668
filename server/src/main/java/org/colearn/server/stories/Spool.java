package org.colearn.server.stories;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.colearn.plugin.api.Stories.Credit;
import org.colearn.server.community.Collaborative;
import org.colearn.server.community.Site;
import org.colearn.server.session.LearningSession;
import org.colearn.server.system.Json;
import org.hibernate.Session;

/**
 * Where anonymous stories and comments, and the follow-ups and changes their key holders make, wait between their
 * posting and their writing by the {@link Mixer}: putting them there with a randomised due moment, finding them by
 * their edit key meanwhile, and writing them.
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

    /** A follow-up that the holder of an anonymous story's key added. */
    record SpooledFollowUp(UUID storyId, Instant week, String body) {}

    /** A change that the holder of an anonymous story's key made; a later one replaces it while it waits. */
    record SpooledEdit(UUID storyId, UUID scopeSiteId, Instant week, StoryRequests.StoryEdit content) {}

    private Spool() {}

    static void put(Session session, SpooledStory story, Instant now) {
        session.persist(new SpooledItem(SpooledItem.STORY, due(now), json(story)));
    }

    static void put(Session session, SpooledComment comment, Instant now) {
        session.persist(new SpooledItem(SpooledItem.COMMENT, due(now), json(comment)));
    }

    static void put(Session session, SpooledFollowUp followUp, Instant now) {
        session.persist(new SpooledItem(SpooledItem.FOLLOW_UP, due(now), json(followUp)));
    }

    /** Keeps the change, in place of one to the same story still waiting, so that the last change is the one written. */
    static void put(Session session, SpooledEdit edit, Instant now) {
        all(session).stream()
                .filter(item -> item.kind().equals(SpooledItem.EDIT) && edit(item).storyId().equals(edit.storyId()))
                .forEach(session::remove);
        session.persist(new SpooledItem(SpooledItem.EDIT, due(now), json(edit)));
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

    static SpooledFollowUp followUp(SpooledItem item) {
        return read(item, SpooledFollowUp.class);
    }

    static SpooledEdit edit(SpooledItem item) {
        return read(item, SpooledEdit.class);
    }

    /** The story as it will be written, not yet persisted. */
    static Story asStory(Session session, SpooledStory spooled) {
        Story story = new Story(spooled.id(), spooled.collaborativeId(), Credit.ANONYMOUS, null, null, spooled.editKeyHash(),
                spooled.week());
        story.write(spooled.content(), spooled.week());
        StoryWriting.scope(session, story, spooled.content().visibility(), spooled.content().sessionId(), spooled.scopeSiteId());
        story.faculty(false);
        StoryWriting.reindex(session, story);
        return story;
    }

    /** Writes the waiting item to its table, or, for a follow-up or a change, to its story. */
    static void write(Session session, SpooledItem item) {
        switch (item.kind()) {
            case SpooledItem.STORY -> session.persist(asStory(session, story(item)));
            case SpooledItem.COMMENT -> session.persist(asComment(comment(item)));
            case SpooledItem.FOLLOW_UP -> {
                SpooledFollowUp followUp = followUp(item);
                session.persist(new FollowUp(followUp.storyId(), followUp.body(), followUp.week()));
                session.flush();
                StoryWriting.reindex(session, session.find(Story.class, followUp.storyId()));
            }
            default -> {
                SpooledEdit edit = edit(item);
                Story story = session.find(Story.class, edit.storyId());
                // The scope first: it refuses before anything of the story is changed.
                StoryWriting.scope(session, story, edit.content().visibility(), edit.content().sessionId(), edit.scopeSiteId());
                story.write(edit.content(), edit.week());
                StoryWriting.reindex(session, story);
            }
        }
    }

    static StoryComment asComment(SpooledComment spooled) {
        return new StoryComment(spooled.id(), spooled.storyId(), Credit.ANONYMOUS, null, null, spooled.editKeyHash(),
                spooled.body(), spooled.week());
    }

    /**
     * Whether what the item refers to is still there (its collaborative, site and session; the story of a comment,
     * follow-up or change) and a story's key opens nothing else: otherwise it is dropped, as it would have been deleted
     * with what it belonged to.
     */
    static boolean stillFits(Session session, SpooledItem item) {
        return switch (item.kind()) {
            case SpooledItem.COMMENT -> session.find(Story.class, comment(item).storyId()) != null;
            case SpooledItem.FOLLOW_UP -> session.find(Story.class, followUp(item).storyId()) != null;
            case SpooledItem.EDIT -> session.find(Story.class, edit(item).storyId()) != null
                    && scopeStillThere(session, edit(item).scopeSiteId(), edit(item).content().sessionId());
            default -> session.find(Collaborative.class, story(item).collaborativeId()) != null
                    && scopeStillThere(session, story(item).scopeSiteId(), story(item).content().sessionId())
                    && session.createSelectionQuery("select count(*) from Story where editKeyHash = :hash", Long.class)
                            .setParameter("hash", story(item).editKeyHash()).getSingleResult() == 0;
        };
    }

    private static boolean scopeStillThere(Session session, UUID siteId, UUID sessionId) {
        return (siteId == null || session.find(Site.class, siteId) != null)
                && (sessionId == null || session.find(LearningSession.class, sessionId) != null);
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
