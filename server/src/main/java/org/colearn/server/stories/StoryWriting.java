package org.colearn.server.stories;

import java.util.List;
import java.util.UUID;
import org.colearn.plugin.api.Stories.Credit;
import org.colearn.server.community.Member;
import org.colearn.server.session.LearningSession;
import org.colearn.server.system.ApiException;
import org.hibernate.Session;

/** The rules shared by posting and editing a story: its scope, the faculty mark, who may change it, its search text. */
final class StoryWriting {

    private StoryWriting() {}

    static Story find(Session session, UUID storyId) {
        Story story = storyId == null ? null : session.find(Story.class, storyId);
        if (story == null) {
            throw notFound();
        }
        return story;
    }

    static ApiException notFound() {
        return ApiException.notFound("story_not_found", "There is no story with this id that you can see.");
    }

    /** The same answer for a wrong key and an unknown story, so that nobody can probe either. */
    static ApiException keyRefused() {
        return ApiException.forbidden(
                "edit_key_refused", "This edit key does not open this story. Check that you copied the whole key.");
    }

    /** The story, when the caller wrote it: by its edit key if anonymous, by their membership if credited. */
    static Story authored(Session session, UUID storyId, Audience audience, String editKey) {
        Story story = storyId == null ? null : session.find(Story.class, storyId);
        if (editKey != null) {
            if (story == null && Spool.story(session, storyId, editKey).isPresent()) {
                throw ApiException.conflict("story_being_posted", "Your story is being posted: it is in the catalogue within "
                        + Mixer.LONGEST_DELAY.toMinutes() + " minutes of posting. Change it or add to it then.");
            }
            if (story == null || !story.anonymous() || !EditKeys.matches(editKey, story.editKeyHash())) {
                throw keyRefused();
            }
            return story;
        }
        if (story == null || !audience.canSee(story)) {
            throw notFound();
        }
        if (story.anonymous()) {
            throw ApiException.forbidden("edit_key_required",
                    "This story is anonymous: only its edit key, sent in the " + EditKeys.HEADER + " header, can change it.");
        }
        if (!audience.isCreditedAuthor(story)) {
            throw ApiException.forbidden("not_the_author", "Only the person who wrote this story can change it.");
        }
        return story;
    }

    /** Sets who reads the story, keeping only the scope id that visibility needs. */
    static void scope(Session session, Story story, Visibility visibility, UUID sessionId, UUID authorSiteId) {
        if (visibility == Visibility.PAIR && authorSiteId == null) {
            throw ApiException.invalid("visibility", "can be 'pair' only once you belong to a site; choose your site first");
        }
        if (visibility == Visibility.SESSION) {
            LearningSession learningSession = sessionId == null ? null : session.find(LearningSession.class, sessionId);
            if (learningSession == null || !learningSession.collaborativeId().equals(story.collaborativeId())) {
                throw ApiException.invalid("sessionId", "must be a learning session of this collaborative");
            }
        } else if (sessionId != null) {
            throw ApiException.invalid("sessionId", "is only for stories shared with one session");
        }
        story.scope(visibility, authorSiteId, sessionId);
    }

    static void faculty(Story story, Boolean faculty, Member author) {
        boolean wanted = Boolean.TRUE.equals(faculty);
        if (wanted && (story.credit() != Credit.PERSON || !author.isFacilitator())) {
            throw ApiException.invalid("faculty", "only a facilitator's own story, credited to them, can be a faculty story");
        }
        story.faculty(wanted);
    }

    static void reindex(Session session, Story story) {
        List<String> followUps = session.createSelectionQuery(
                        "select body from FollowUp where storyId = :story order by createdAt", String.class)
                .setParameter("story", story.id())
                .getResultList();
        story.searchText(StorySearch.text(story, followUps));
    }
}
