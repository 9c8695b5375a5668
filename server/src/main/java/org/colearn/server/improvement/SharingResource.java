package org.colearn.server.improvement;

import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.util.UUID;
import org.colearn.server.auth.Caller;
import org.colearn.server.community.Access;
import org.colearn.server.community.Member;
import org.colearn.server.community.MemberRole;
import org.colearn.server.community.Site;
import org.colearn.server.system.ApiException;
import org.colearn.server.system.Validation;
import org.hibernate.SessionFactory;

/** Whether a site shares its data with the whole collaborative: every member may ask, only its lead decides. */
@Path("collaboratives/{collaborativeId}/sites/{siteId}/data-sharing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class SharingResource {

    private final SessionFactory sessions;
    private final Clock clock;

    public SharingResource(SessionFactory sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    record Sharing(@NotNull Boolean shared) {}

    @GET
    public Sharing get(
            @PathParam("collaborativeId") UUID collaborativeId, @PathParam("siteId") UUID siteId, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Access.member(session, collaborativeId, caller);
            Access.site(session, collaborativeId, siteId, null);
            return new Sharing(DataAccess.shared(session, siteId));
        });
    }

    @PUT
    public Sharing set(
            @PathParam("collaborativeId") UUID collaborativeId,
            @PathParam("siteId") UUID siteId,
            Sharing request,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Member member = Access.member(session, collaborativeId, caller);
            Site site = Access.site(session, collaborativeId, siteId, null);
            if (member.role() != MemberRole.SITE_LEAD || !site.id().equals(member.siteId())) {
                throw ApiException.forbidden("site_lead_only", "Only the site lead of " + site.name() + " decides whether it shares its data.");
            }
            Validation.valid(request);
            DataSharing current = session.find(DataSharing.class, siteId);
            if (request.shared() && current == null) {
                session.persist(new DataSharing(siteId, clock.instant()));
            } else if (!request.shared() && current != null) {
                session.remove(current);
            }
            return new Sharing(request.shared());
        });
    }
}
