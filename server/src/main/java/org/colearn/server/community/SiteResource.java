package org.colearn.server.community;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.colearn.server.auth.Caller;
import org.colearn.server.system.ApiException;
import org.colearn.server.system.SingleLine;
import org.colearn.server.system.Validation;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/** The sites of a collaborative: every member reads them, facilitators add, edit and remove them. */
@Path("collaboratives/{collaborativeId}/sites")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class SiteResource {

    private final SessionFactory sessions;
    private final Clock clock;

    public SiteResource(SessionFactory sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    record SiteRequest(
            @SingleLine @NotBlank @Size(max = 200) String name,
            @NotNull SiteKind kind,
            @SingleLine @NotBlank @Size(max = 120) String region,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude) {

        static SiteRequest checked(SiteRequest request) {
            Validation.valid(request);
            if ((request.latitude() == null) != (request.longitude() == null)) {
                throw ApiException.invalid(
                        request.latitude() == null ? "latitude" : "longitude", "must be given with the other coordinate");
            }
            return request;
        }
    }

    @GET
    public List<Views.SiteView> list(@PathParam("collaborativeId") UUID collaborativeId, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Access.member(session, collaborativeId, caller);
            Map<UUID, Long> counts = memberCounts(session, collaborativeId);
            return sites(session, collaborativeId).stream()
                    .map(site -> Views.SiteView.of(site, counts.getOrDefault(site.id(), 0L)))
                    .toList();
        });
    }

    @POST
    public Response add(
            @PathParam("collaborativeId") UUID collaborativeId, SiteRequest request, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Views.SiteView created = sessions.fromTransaction(session -> {
            Access.facilitator(session, collaborativeId, caller, "add sites");
            SiteRequest.checked(request);
            requireUniqueName(session, collaborativeId, request.name().strip(), null);
            Site site = new Site(collaborativeId, clock.instant());
            apply(site, request);
            session.persist(site);
            return Views.SiteView.of(site, 0);
        });
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @PUT
    @Path("{siteId}")
    public Views.SiteView update(
            @PathParam("collaborativeId") UUID collaborativeId,
            @PathParam("siteId") UUID siteId,
            SiteRequest request,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Access.facilitator(session, collaborativeId, caller, "change sites");
            Site site = Access.site(session, collaborativeId, siteId, null);
            SiteRequest.checked(request);
            requireUniqueName(session, collaborativeId, request.name().strip(), siteId);
            apply(site, request);
            return Views.SiteView.of(site, memberCounts(session, collaborativeId).getOrDefault(siteId, 0L));
        });
    }

    @DELETE
    @Path("{siteId}")
    public Response remove(
            @PathParam("collaborativeId") UUID collaborativeId,
            @PathParam("siteId") UUID siteId,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        sessions.inTransaction(session -> {
            Access.facilitator(session, collaborativeId, caller, "remove sites");
            Site site = Access.site(session, collaborativeId, siteId, null);
            long members = memberCounts(session, collaborativeId).getOrDefault(siteId, 0L);
            if (members > 0) {
                throw ApiException.conflict(
                        "site_has_members",
                        site.name() + " still has " + members + " member(s). Move them to another site first.");
            }
            session.remove(site);
        });
        return Response.noContent().build();
    }

    static List<Site> sites(Session session, UUID collaborativeId) {
        return session.createSelectionQuery("from Site where collaborativeId = :id order by name", Site.class)
                .setParameter("id", collaborativeId)
                .getResultList();
    }

    private static Map<UUID, Long> memberCounts(Session session, UUID collaborativeId) {
        return session.createSelectionQuery(
                        "select siteId, count(*) from Member where collaborativeId = :id and siteId is not null group by siteId",
                        Object[].class)
                .setParameter("id", collaborativeId)
                .getResultList()
                .stream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> (Long) row[1]));
    }

    private static void requireUniqueName(Session session, UUID collaborativeId, String name, UUID except) {
        boolean taken = sites(session, collaborativeId).stream()
                .anyMatch(site -> site.name().equalsIgnoreCase(name) && !site.id().equals(except));
        if (taken) {
            throw ApiException.conflict("site_name_taken", "This collaborative already has a site called " + name + ".");
        }
    }

    private static void apply(Site site, SiteRequest request) {
        site.update(request.name().strip(), request.kind(), request.region().strip(), request.latitude(), request.longitude());
    }
}
