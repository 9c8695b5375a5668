package org.colearn.server.stories;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.colearn.plugin.api.Stories.Credit;
import org.colearn.server.auth.Caller;
import org.colearn.server.community.Member;
import org.colearn.server.system.ApiException;
import org.hibernate.SessionFactory;

/** Comments on a story, credited or anonymous on the same terms as stories. */
@Path("stories/{storyId}/comments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class CommentResource {

    private final SessionFactory sessions;
    private final Clock clock;

    CommentResource(SessionFactory sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * The story's comments, by week and then by their random ids, so that the order tells nothing of when an anonymous
     * one was written; hidden ones reach only the facilitators who moderate the story.
     */
    @GET
    public List<StoryViews.CommentView> list(@PathParam("storyId") UUID storyId, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Audience audience = Audience.of(session, caller);
            Story story = StoryWriting.find(session, storyId);
            if (!audience.canSee(story)) {
                throw StoryWriting.notFound();
            }
            boolean moderator = audience.canModerate(story);
            List<StoryComment> comments = session.createSelectionQuery(
                            "from StoryComment where storyId = :story order by createdAt, id", StoryComment.class)
                    .setParameter("story", storyId)
                    .getResultList()
                    .stream()
                    .filter(comment -> comment.status() == StoryStatus.PUBLISHED || moderator || audience.isCommentAuthor(comment))
                    .toList();
            return StoryViews.comments(session, comments, audience, moderator);
        });
    }

    @POST
    public Response add(
            @PathParam("storyId") UUID storyId, StoryRequests.NewComment request, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        StoryViews.Created<StoryViews.CommentView> created = sessions.fromTransaction(session -> {
            Audience audience = Audience.of(session, caller);
            Story story = StoryByIdResource.readable(session, storyId, caller);
            StoryRequests.valid(request);
            StoryRequests.checkForPatientData(Map.of("body", request.body()), request.confirmNotIdentifying());
            Member commenter = audience.commenterFor(story);
            if (request.credit() == Credit.SITE && commenter.siteId() == null) {
                throw ApiException.invalid("credit", "can be 'team' only once you belong to a site");
            }
            String editKey = request.credit() == Credit.ANONYMOUS ? EditKeys.create() : null;
            StoryComment comment = new StoryComment(story.id(), request.credit(), commenter.id(), commenter.siteId(),
                    editKey == null ? null : EditKeys.hash(editKey), request.body().strip(),
                    PostingTime.kept(clock.instant(), request.credit()));
            if (editKey != null) {
                // Written later by the mixer, among others, so that nothing in its table sits beside this request.
                Spool.put(session, new Spool.SpooledComment(comment.id(), story.id(), comment.createdAt(),
                        comment.editKeyHash(), comment.body()), clock.instant());
                session.flush();
                return new StoryViews.Created<>(
                        StoryViews.posting(StoryViews.comments(session, List.of(comment), audience, false).get(0)), editKey);
            }
            session.persist(comment);
            session.flush();
            return new StoryViews.Created<>(StoryViews.comments(session, List.of(comment), audience, false).get(0), editKey);
        });
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    /** Deletes a comment: its credited author, or whoever holds its edit key. */
    @DELETE
    @Path("{commentId}")
    public Response remove(
            @PathParam("storyId") UUID storyId,
            @PathParam("commentId") UUID commentId,
            @HeaderParam(EditKeys.HEADER) String editKey,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        sessions.inTransaction(session -> {
            StoryComment comment = session.find(StoryComment.class, commentId);
            if (comment == null && editKey != null) {
                // Not written yet: it is taken back before anyone could read it.
                SpooledItem waiting = Spool.comment(session, storyId, commentId, editKey).orElseThrow(
                        () -> ApiException.forbidden("edit_key_refused", "This edit key does not open this comment."));
                session.remove(waiting);
                return;
            }
            boolean onStory = comment != null && comment.storyId().equals(storyId);
            if (editKey != null) {
                if (!onStory || !EditKeys.matches(editKey, comment.editKeyHash())) {
                    throw ApiException.forbidden("edit_key_refused", "This edit key does not open this comment.");
                }
            } else if (!onStory || !Audience.of(session, caller).isCommentAuthor(comment)) {
                throw ApiException.notFound("comment_not_found", "There is no comment of yours with this id on this story.");
            }
            session.remove(comment);
        });
        return Response.noContent().build();
    }
}
