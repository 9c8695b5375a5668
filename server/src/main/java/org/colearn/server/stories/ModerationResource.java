package org.colearn.server.stories;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.colearn.server.auth.Caller;
import org.colearn.server.community.Access;
import org.colearn.server.system.ApiException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * A facilitator's decisions on a story or one of its comments: approve, hide, redact, or dismiss the reports. A
 * facilitator moderates only the stories of their collaborative whose scope includes them: a pair story of another
 * site never reaches them.
 */
@Path("stories/{storyId}/moderation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class ModerationResource {

    private final SessionFactory sessions;

    ModerationResource(SessionFactory sessions) {
        this.sessions = sessions;
    }

    @POST
    public StoryViews.StoryView moderateStory(
            @PathParam("storyId") UUID storyId, StoryRequests.Moderation request, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Audience audience = Audience.of(session, caller);
            Story story = moderated(session, storyId, audience);
            decide(request);
            switch (request.action()) {
                case "approve":
                    story.moderate(StoryStatus.PUBLISHED, story.moderationNote());
                    break;
                case "hide":
                    story.moderate(StoryStatus.HIDDEN, request.reason().strip());
                    break;
                case "redact":
                    story.redact(request.passages(), request.reason().strip());
                    StoryWriting.reindex(session, story);
                    break;
                default:
                    break;
            }
            clearReports(session, story.id(), null);
            return StoryViews.of(session, story, audience, caller, false);
        });
    }

    @POST
    @Path("comments/{commentId}")
    public StoryViews.CommentView moderateComment(
            @PathParam("storyId") UUID storyId,
            @PathParam("commentId") UUID commentId,
            StoryRequests.Moderation request,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Audience audience = Audience.of(session, caller);
            Story story = moderated(session, storyId, audience);
            StoryComment comment = session.find(StoryComment.class, commentId);
            if (comment == null || !comment.storyId().equals(story.id())) {
                throw ApiException.notFound("comment_not_found", "This story has no comment with this id.");
            }
            decide(request);
            if (request.action().equals("approve")) {
                throw ApiException.invalid("action", "comments need no approval: use hide, redact or dismiss");
            } else if (request.action().equals("hide")) {
                comment.moderate(StoryStatus.HIDDEN, request.reason().strip());
            } else if (request.action().equals("redact")) {
                comment.redact(request.passages(), request.reason().strip());
            }
            clearReports(session, story.id(), comment.id());
            return StoryViews.comments(session, List.of(comment), audience, true).get(0);
        });
    }

    private static Story moderated(Session session, UUID storyId, Audience audience) {
        Story story = StoryWriting.find(session, storyId);
        if (!audience.canSee(story)) {
            throw StoryWriting.notFound();
        }
        if (!audience.canModerate(story)) {
            throw ApiException.forbidden(
                    "facilitator_only", "Only a facilitator of the story's collaborative can moderate stories.");
        }
        return story;
    }

    private static void decide(StoryRequests.Moderation request) {
        StoryRequests.valid(request);
        boolean needsReason = request.action().equals("hide") || request.action().equals("redact");
        if (needsReason && (request.reason() == null || request.reason().isBlank())) {
            throw ApiException.invalid("reason", "must say why, in words the author will read");
        }
        if (request.action().equals("redact") && (request.passages() == null || request.passages().isEmpty())) {
            throw ApiException.invalid("passages", "must name at least one passage to remove");
        }
    }

    private static void clearReports(Session session, UUID storyId, UUID commentId) {
        if (commentId == null) {
            session.createNativeMutationQuery("delete from story_report where story_id = :story and comment_id is null")
                    .setParameter("story", storyId)
                    .executeUpdate();
        } else {
            session.createNativeMutationQuery("delete from story_report where story_id = :story and comment_id = :comment")
                    .setParameter("story", storyId)
                    .setParameter("comment", commentId)
                    .executeUpdate();
        }
    }

}
