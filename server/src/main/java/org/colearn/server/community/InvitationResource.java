package org.colearn.server.community;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.colearn.server.auth.Caller;
import org.colearn.server.auth.Tokens;
import org.colearn.server.system.ApiException;
import org.colearn.server.system.Validation;
import org.hibernate.SessionFactory;

/** Invitation links of a collaborative: facilitators make, list (to copy again) and revoke them. */
@Path("collaboratives/{collaborativeId}/invitations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class InvitationResource {

    private final SessionFactory sessions;
    private final Clock clock;
    private final String publicUrl;

    public InvitationResource(SessionFactory sessions, Clock clock, String publicUrl) {
        this.sessions = sessions;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    record InvitationRequest(@NotNull MemberRole role, @Min(1) @Max(365) Integer validDays) {}

    @POST
    
    public Response create(
            @PathParam("collaborativeId") UUID collaborativeId,
            InvitationRequest request,
            @Context SecurityContext security,
            @Context UriInfo uri) {
        Caller caller = Caller.of(security);
        Views.InvitationView created = sessions.fromTransaction(session -> {
            Access.facilitator(session, collaborativeId, caller, "invite members");
            Validation.valid(request);
            Instant now = clock.instant();
            int days = request.validDays() == null ? 14 : request.validDays();
            Invitation invitation = new Invitation(
                    collaborativeId, Tokens.random(18), request.role(), caller.accountId(), now, now.plus(Duration.ofDays(days)));
            session.persist(invitation);
            return Views.InvitationView.of(invitation, baseUrl(uri), now);
        });
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    
    public List<Views.InvitationView> list(
            @PathParam("collaborativeId") UUID collaborativeId, @Context SecurityContext security, @Context UriInfo uri) {
        Caller caller = Caller.of(security);
        Instant now = clock.instant();
        return sessions.fromTransaction(session -> {
            Access.facilitator(session, collaborativeId, caller, "see invitation links");
            return session.createSelectionQuery(
                            "from Invitation where collaborativeId = :id order by createdAt desc", Invitation.class)
                    .setParameter("id", collaborativeId)
                    .getResultList()
                    .stream()
                    .map(invitation -> Views.InvitationView.of(invitation, baseUrl(uri), now))
                    .toList();
        });
    }

    @DELETE
    @Path("{invitationId}")
    public Response revoke(
            @PathParam("collaborativeId") UUID collaborativeId,
            @PathParam("invitationId") UUID invitationId,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        sessions.inTransaction(session -> {
            Access.facilitator(session, collaborativeId, caller, "revoke invitation links");
            Invitation invitation = session.find(Invitation.class, invitationId);
            if (invitation == null || !invitation.collaborativeId().equals(collaborativeId)) {
                throw ApiException.notFound("invitation_not_found", "This collaborative has no invitation with this id.");
            }
            invitation.revoke(clock.instant());
        });
        return Response.noContent().build();
    }

    private String baseUrl(UriInfo uri) {
        if (!publicUrl.isBlank()) {
            return publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
        }
        return uri.getBaseUri().resolve("/").toString();
    }
}
