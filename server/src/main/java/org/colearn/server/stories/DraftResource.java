package org.colearn.server.stories;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import java.util.List;
import java.util.UUID;
import org.colearn.server.auth.Caller;
import org.colearn.server.community.Access;
import org.colearn.server.community.Member;
import org.colearn.server.system.ApiException;
import org.colearn.server.system.Json;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * Drafts of stories, saved as their author types. Only the author reads or changes them; posting the story deletes
 * the draft (send its {@code draftId}), so an anonymous story leaves no draft behind.
 */
@Path("collaboratives/{collaborativeId}/story-drafts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class DraftResource {

    private static final int MAX_CHARS = 40_000;

    private final SessionFactory sessions;
    private final Clock clock;

    DraftResource(SessionFactory sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    record DraftView(UUID id, JsonNode content, Instant savedAt) {

        static DraftView of(StoryDraft draft) {
            try {
                return new DraftView(draft.id(), Json.MAPPER.readTree(draft.content()), draft.updatedAt());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored draft is not JSON", e);
            }
        }
    }

    /** What a draft holds: any of the story's fields, as the form has them so far. */
    record DraftRequest(JsonNode content) {}

    @GET
    public List<DraftView> mine(@PathParam("collaborativeId") UUID collaborativeId, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Member me = Access.member(session, collaborativeId, caller);
            return session.createSelectionQuery("from StoryDraft where memberId = :me order by updatedAt desc", StoryDraft.class)
                    .setParameter("me", me.id())
                    .getResultList()
                    .stream()
                    .map(DraftView::of)
                    .toList();
        });
    }

    @POST
    public Response start(
            @PathParam("collaborativeId") UUID collaborativeId, DraftRequest request, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        DraftView created = sessions.fromTransaction(session -> {
            Member me = Access.member(session, collaborativeId, caller);
            StoryDraft draft = new StoryDraft(collaborativeId, me.id());
            draft.save(content(request), clock.instant());
            session.persist(draft);
            return DraftView.of(draft);
        });
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @PUT
    @Path("{draftId}")
    public DraftView save(
            @PathParam("collaborativeId") UUID collaborativeId,
            @PathParam("draftId") UUID draftId,
            DraftRequest request,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            StoryDraft draft = mine(session, collaborativeId, draftId, caller);
            draft.save(content(request), clock.instant());
            return DraftView.of(draft);
        });
    }

    @DELETE
    @Path("{draftId}")
    public Response discard(
            @PathParam("collaborativeId") UUID collaborativeId, @PathParam("draftId") UUID draftId, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        sessions.inTransaction(session -> session.remove(mine(session, collaborativeId, draftId, caller)));
        return Response.noContent().build();
    }

    private static StoryDraft mine(Session session, UUID collaborativeId, UUID draftId, Caller caller) {
        Member me = Access.member(session, collaborativeId, caller);
        StoryDraft draft = session.find(StoryDraft.class, draftId);
        if (draft == null || !draft.memberId().equals(me.id())) {
            throw ApiException.notFound("draft_not_found", "You have no draft with this id; it may have been posted or discarded.");
        }
        return draft;
    }

    private static String content(DraftRequest request) {
        if (request == null || request.content() == null) {
            throw ApiException.badRequest("body_required", "Send the draft as {\"content\": {...}}.");
        }
        if (!request.content().isObject()) {
            throw ApiException.invalid("content", "must be a JSON object of the story's fields");
        }
        String json = request.content().toString();
        if (json.length() > MAX_CHARS) {
            throw ApiException.invalid("content", "must be at most " + MAX_CHARS + " characters of JSON");
        }
        return json;
    }
}
