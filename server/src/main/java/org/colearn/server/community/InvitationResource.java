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
import org.colearn.server.auth.Account;
import org.colearn.server.auth.Caller;
import org.colearn.server.auth.Public;
import org.colearn.server.auth.Tokens;
import org.colearn.server.system.ApiException;
import org.colearn.server.system.Validation;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * Invitation links: facilitators make, list and revoke them; whoever opens one sees what they are joining and, once
 * logged in, joins with the site and profession they choose.
 */
@Path("")
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

    record AcceptRequest(UUID siteId, @NotNull Profession profession) {}

    /** What the person opening a link is told before joining. */
    record InvitationPreview(
            UUID collaborativeId, String collaborativeName, String topic, MemberRole role, List<Views.SiteView> sites) {}

    @POST
    @Path("collaboratives/{collaborativeId}/invitations")
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
    @Path("collaboratives/{collaborativeId}/invitations")
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
    @Path("collaboratives/{collaborativeId}/invitations/{invitationId}")
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

    @GET
    @Path("invitations/{code}")
    @Public
    public InvitationPreview preview(@PathParam("code") String code) {
        return sessions.fromTransaction(session -> {
            Invitation invitation = usable(session, code);
            Collaborative collaborative = Access.collaborative(session, invitation.collaborativeId());
            List<Views.SiteView> sites = SiteResource.sites(session, collaborative.id()).stream()
                    .map(site -> Views.SiteView.of(site, 0))
                    .toList();
            return new InvitationPreview(
                    collaborative.id(), collaborative.name(), collaborative.topic(), invitation.role(), sites);
        });
    }

    /** Joins the collaborative of the link; joining again changes nothing and answers with the existing membership. */
    @POST
    @Path("invitations/{code}/accept")
    public Views.MemberView accept(
            @PathParam("code") String code, AcceptRequest request, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Validation.valid(request);
        return sessions.fromTransaction(session -> {
            Invitation invitation = usable(session, code);
            UUID collaborativeId = invitation.collaborativeId();
            if (request.siteId() == null && invitation.role() != MemberRole.FACILITATOR) {
                throw ApiException.invalid("siteId", "must name the site you work at");
            }
            Site site = request.siteId() == null ? null : Access.site(session, collaborativeId, request.siteId(), "siteId");
            Member member = session.createSelectionQuery(
                            "from Member where collaborativeId = :id and (accountId = :account or email = :email)", Member.class)
                    .setParameter("id", collaborativeId)
                    .setParameter("account", caller.accountId())
                    .setParameter("email", caller.email())
                    .setMaxResults(1)
                    .uniqueResult();
            if (member == null) {
                Account account = session.find(Account.class, caller.accountId());
                member = new Member(collaborativeId, account.id(), account.email(), account.displayName(), clock.instant());
                member.place(site == null ? null : site.id(), request.profession(), invitation.role());
                session.persist(member);
                invitation.used();
            } else if (member.accountId() == null) {
                member.linkAccount(caller.accountId(), caller.displayName());
                member.place(site == null ? member.siteId() : site.id(), request.profession(), member.role());
                invitation.used();
            }
            return Views.MemberView.of(member, MemberResource.sitesById(session, collaborativeId), true);
        });
    }

    private Invitation usable(Session session, String code) {
        Invitation invitation = code == null || code.length() > 64
                ? null
                : session.createSelectionQuery("from Invitation where code = :code", Invitation.class)
                        .setParameter("code", code)
                        .uniqueResult();
        if (invitation == null) {
            throw ApiException.notFound("invitation_not_found", "This invitation link is not valid. Ask your facilitator for a new one.");
        }
        if (!invitation.usableAt(clock.instant())) {
            throw new ApiException(
                    410,
                    "invitation_expired",
                    "This invitation link has expired or was withdrawn. Ask your facilitator for a new one.",
                    List.of());
        }
        return invitation;
    }

    private String baseUrl(UriInfo uri) {
        if (!publicUrl.isBlank()) {
            return publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
        }
        return uri.getBaseUri().resolve("/").toString();
    }
}
