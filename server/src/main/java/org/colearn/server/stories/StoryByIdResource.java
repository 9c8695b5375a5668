package org.colearn.server.stories;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.colearn.server.auth.Caller;
import org.colearn.server.community.Access;
import org.colearn.server.community.Member;
import org.colearn.server.system.ApiException;
import org.hibernate.SessionFactory;

/**
 * One story: read it, change or withdraw it (its credited author, or whoever holds its edit key), add follow-ups,
 * react to it and report it.
 */
@Path("stories/{storyId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class StoryByIdResource {

    private final SessionFactory sessions;
    private final Clock clock;

    StoryByIdResource(SessionFactory sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    /** The story as the caller may see it; with its edit key, as its author sees it (moderation note included). */
    @GET
    public StoryViews.StoryView get(
            @PathParam("storyId") UUID storyId, @HeaderParam(EditKeys.HEADER) String editKey, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Audience audience = Audience.of(session, caller);
            if (editKey != null) {
                if (session.find(Story.class, storyId) == null) {
                    return Spool.story(session, storyId, editKey)
                            .map(waiting -> StoryViews.posting(StoryViews.of(
                                    session, Spool.asStory(session, Spool.story(waiting)), audience, caller, true)))
                            .orElseThrow(StoryWriting::keyRefused);
                }
                return StoryViews.of(session, StoryWriting.authored(session, storyId, audience, editKey), audience, caller, true);
            }
            Story story = StoryWriting.find(session, storyId);
            if (!audience.canSee(story)) {
                throw StoryWriting.notFound();
            }
            return StoryViews.of(session, story, audience, caller, false);
        });
    }

    /**
     * Changes the story's text, tags or visibility; a story for the collaborative or wider then awaits approval again. A
     * change to an anonymous story is answered at once and written by the {@link Mixer}, as its follow-ups are.
     */
    @PUT
    public StoryViews.StoryView edit(
            @PathParam("storyId") UUID storyId,
            @HeaderParam(EditKeys.HEADER) String editKey,
            StoryRequests.StoryEdit request,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Audience audience = Audience.of(session, caller);
            Story story = StoryWriting.authored(session, storyId, audience, editKey);
            Member author = Access.member(session, story.collaborativeId(), caller);
            StoryRequests.valid(request);
            StoryRequests.checkForPatientData(request.texts(), request.confirmNotIdentifying());
            Instant now = PostingTime.kept(clock.instant(), story.credit());
            if (story.anonymous()) {
                // Checked and shown now, written later by the mixer: an update now would put the story's row among
                // its author's own actions.
                session.detach(story);
            }
            story.write(request, now);
            StoryWriting.scope(session, story, request.visibility(), request.sessionId(), author.siteId());
            StoryWriting.faculty(story, request.faculty(), author);
            StoryWriting.reindex(session, story);
            if (story.anonymous()) {
                Spool.put(session, new Spool.SpooledEdit(story.id(), story.scopeSiteId(), now, request), clock.instant());
            }
            return StoryViews.of(session, story, audience, caller, editKey != null);
        });
    }

    /** Withdraws the story: it is deleted with its follow-ups, comments, reactions and reports. */
    @DELETE
    public Response withdraw(
            @PathParam("storyId") UUID storyId, @HeaderParam(EditKeys.HEADER) String editKey, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        sessions.inTransaction(session -> {
            if (editKey != null && session.find(Story.class, storyId) == null) {
                // Not written yet: it is taken back before anyone could read it.
                session.remove(Spool.story(session, storyId, editKey).orElseThrow(StoryWriting::keyRefused));
                return;
            }
            Story story = StoryWriting.authored(session, storyId, Audience.of(session, caller), editKey);
            session.createNativeMutationQuery("delete from story where id = :id").setParameter("id", story.id()).executeUpdate();
        });
        return Response.noContent().build();
    }

    @POST
    @Path("follow-ups")
    public Response followUp(
            @PathParam("storyId") UUID storyId,
            @HeaderParam(EditKeys.HEADER) String editKey,
            StoryRequests.NewFollowUp request,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        StoryViews.StoryView view = sessions.fromTransaction(session -> {
            Audience audience = Audience.of(session, caller);
            Story story = StoryWriting.authored(session, storyId, audience, editKey);
            StoryRequests.valid(request);
            StoryRequests.checkForPatientData(Map.of("body", request.body()), request.confirmNotIdentifying());
            String body = request.body().strip();
            Instant kept = PostingTime.kept(clock.instant(), story.credit());
            if (story.anonymous()) {
                // Written later by the mixer, among others, so that nothing in its table sits beside this request.
                Spool.put(session, new Spool.SpooledFollowUp(story.id(), kept, body), clock.instant());
                session.flush();
                return StoryViews.withFollowUp(StoryViews.of(session, story, audience, caller, true),
                        new StoryViews.FollowUpView(body, kept, PostingTime.precision(story.credit())));
            }
            session.persist(new FollowUp(story.id(), body, kept));
            session.flush();
            StoryWriting.reindex(session, story);
            return StoryViews.of(session, story, audience, caller, editKey != null);
        });
        return Response.status(Response.Status.CREATED).entity(view).build();
    }

    @PUT
    @Path("reactions/{kind}")
    public Map<String, Long> react(
            @PathParam("storyId") UUID storyId, @PathParam("kind") String kind, @Context SecurityContext security) {
        return reaction(storyId, kind, security, true);
    }

    @DELETE
    @Path("reactions/{kind}")
    public Map<String, Long> takeBack(
            @PathParam("storyId") UUID storyId, @PathParam("kind") String kind, @Context SecurityContext security) {
        return reaction(storyId, kind, security, false);
    }

    private Map<String, Long> reaction(UUID storyId, String kindCode, SecurityContext security, boolean add) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Story story = readable(session, storyId, caller);
            ReactionKind kind = ReactionKind.of(kindCode).orElseThrow(() -> ApiException.badRequest(
                    "invalid_value", "Unknown reaction '" + kindCode + "': use thank_you, seen_this_too or helps_me."));
            if (add) {
                Reactions.add(session, story.id(), caller.accountId(), kind);
            } else {
                Reactions.remove(session, story.id(), caller.accountId(), kind);
            }
            return Reactions.counts(session, java.util.List.of(story.id())).getOrDefault(story.id(), Reactions.zero());
        });
    }

    /** Reports the story, or one of its comments, to the facilitators; the report keeps no reporter. */
    @POST
    @Path("reports")
    public Response report(
            @PathParam("storyId") UUID storyId, StoryRequests.NewReport request, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        sessions.inTransaction(session -> {
            Story story = readable(session, storyId, caller);
            StoryRequests.valid(request);
            if (request.commentId() != null) {
                StoryComment comment = session.find(StoryComment.class, request.commentId());
                if (comment == null || !comment.storyId().equals(story.id()) || comment.status() != StoryStatus.PUBLISHED) {
                    throw ApiException.invalid("commentId", "is not a comment on this story");
                }
            }
            session.createNativeMutationQuery(
                            "insert into story_report (id, story_id, comment_id, reason, created_at) values (:id, :story, :comment, :reason, :at)")
                    .setParameter("id", UUID.randomUUID())
                    .setParameter("story", story.id())
                    .setParameter("comment", request.commentId(), UUID.class)
                    .setParameter("reason", request.reason().strip())
                    .setParameter("at", PostingTime.weekOf(clock.instant()))
                    .executeUpdate();
        });
        return Response.status(Response.Status.CREATED)
                .entity(Map.of("status", "reported", "message", "Thank you. A facilitator will look at it."))
                .build();
    }

    /** A story the caller may read (published and in scope), or 404. */
    static Story readable(org.hibernate.Session session, UUID storyId, Caller caller) {
        Story story = StoryWriting.find(session, storyId);
        if (!Audience.of(session, caller).canRead(story)) {
            throw StoryWriting.notFound();
        }
        return story;
    }
}
