package org.colearn.server.stories;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.colearn.server.auth.Caller;
import org.hibernate.SessionFactory;

/**
 * Finds an anonymous story by its edit key alone, so that its author needs to keep nothing else: they see it as
 * its author does, with its moderation status and any note from a facilitator; while it waits to be written, with
 * the status {@code posting}.
 */
@Path("stories/by-key")
@Produces(MediaType.APPLICATION_JSON)
public final class KeyedStoryResource {

    private final SessionFactory sessions;

    KeyedStoryResource(SessionFactory sessions) {
        this.sessions = sessions;
    }

    @GET
    public StoryViews.StoryView find(@HeaderParam(EditKeys.HEADER) String editKey, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            if (!EditKeys.fits(editKey)) {
                throw StoryWriting.keyRefused();
            }
            Story story = session.createSelectionQuery("from Story where editKeyHash = :hash", Story.class)
                    .setParameter("hash", EditKeys.hash(editKey.strip()))
                    .uniqueResult();
            if (story == null) {
                return Spool.storyWithKey(session, EditKeys.hash(editKey.strip()))
                        .map(waiting -> StoryViews.posting(StoryViews.of(session, Spool.asStory(session, Spool.story(waiting)),
                                Audience.of(session, caller), caller, true)))
                        .orElseThrow(StoryWriting::keyRefused);
            }
            return StoryViews.of(session, story, Audience.of(session, caller), caller, true);
        });
    }
}
