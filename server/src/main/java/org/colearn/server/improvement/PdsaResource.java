package org.colearn.server.improvement;

import jakarta.ws.rs.Consumes;
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
import java.util.List;
import java.util.UUID;
import org.colearn.server.auth.Caller;
import org.colearn.server.community.Access;
import org.colearn.server.community.Site;
import org.colearn.server.system.ApiException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/** A site's PDSA log: read with its data, written by its members. */
@Path("collaboratives/{collaborativeId}/sites/{siteId}/pdsa")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class PdsaResource {

    private final SessionFactory sessions;
    private final Clock clock;

    public PdsaResource(SessionFactory sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @GET
    public List<PdsaCycle.View> list(
            @PathParam("collaborativeId") UUID collaborativeId, @PathParam("siteId") UUID siteId, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            DataAccess.reader(session, collaborativeId, siteId, caller, clock);
            return cycles(session, siteId).stream().map(PdsaCycle::view).toList();
        });
    }

    @POST
    public Response add(
            @PathParam("collaborativeId") UUID collaborativeId,
            @PathParam("siteId") UUID siteId,
            PdsaRequest request,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        PdsaCycle.View created = sessions.fromTransaction(session -> {
            Site site = DataAccess.enterer(session, collaborativeId, siteId, caller);
            PdsaRequest checked = checked(session, collaborativeId, site, request, caller);
            PdsaCycle cycle = new PdsaCycle(collaborativeId, siteId, caller.displayName(), clock.instant());
            cycle.write(checked, clock.instant());
            session.persist(cycle);
            return cycle.view();
        });
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @PUT
    @Path("{cycleId}")
    public PdsaCycle.View update(
            @PathParam("collaborativeId") UUID collaborativeId,
            @PathParam("siteId") UUID siteId,
            @PathParam("cycleId") UUID cycleId,
            PdsaRequest request,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Site site = DataAccess.enterer(session, collaborativeId, siteId, caller);
            PdsaCycle cycle = session.find(PdsaCycle.class, cycleId);
            if (cycle == null || !cycle.siteId().equals(siteId)) {
                throw ApiException.notFound("pdsa_not_found", site.name() + " has no PDSA cycle with this id.");
            }
            cycle.write(checked(session, collaborativeId, site, request, caller), clock.instant());
            return cycle.view();
        });
    }

    static List<PdsaCycle> cycles(Session session, UUID siteId) {
        return session.createSelectionQuery("from PdsaCycle where siteId = :s order by plannedOn, createdAt", PdsaCycle.class)
                .setParameter("s", siteId)
                .getResultList();
    }

    private PdsaRequest checked(Session session, UUID collaborativeId, Site site, PdsaRequest request, Caller caller) {
        if (request == null) {
            throw ApiException.badRequest("body_required", "This request needs a JSON body.");
        }
        PdsaRequest checked = request.checked();
        if (checked.measureId() != null) {
            Measure measure = session.find(Measure.class, checked.measureId());
            boolean ofSite = measure != null && measure.collaborativeId().equals(collaborativeId)
                    && (measure.siteId() == null || measure.siteId().equals(site.id()));
            if (!ofSite) {
                throw ApiException.invalid("measureId", "is not a measure of " + site.name());
            }
        }
        Access.member(session, collaborativeId, caller);
        return checked;
    }
}
