package org.colearn.server.improvement;

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
import java.util.UUID;
import org.colearn.server.auth.Caller;
import org.colearn.server.community.Access;
import org.colearn.server.community.Member;
import org.colearn.server.system.ApiException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * The measures of a collaborative: facilitators define the common ones, a site's members add the site's own. Every
 * member reads the common measures; a site's own measures are seen by whoever may see that site's data.
 */
@Path("collaboratives/{collaborativeId}/measures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class MeasureResource {

    private final SessionFactory sessions;
    private final Clock clock;

    public MeasureResource(SessionFactory sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @GET
    public List<Views.MeasureView> list(@PathParam("collaborativeId") UUID collaborativeId, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Member member = Access.member(session, collaborativeId, caller);
            List<Measure> measures = session.createSelectionQuery(
                            "from Measure where collaborativeId = :c order by siteId nulls first, name", Measure.class)
                    .setParameter("c", collaborativeId)
                    .getResultList();
            java.util.Set<UUID> readable = measures.stream().anyMatch(m -> m.siteId() != null)
                    ? DataAccess.readableSites(session, member, clock)
                    : java.util.Set.of();
            return measures.stream()
                    .filter(m -> m.siteId() == null || readable.contains(m.siteId()))
                    .map(Views.MeasureView::of)
                    .toList();
        });
    }

    @GET
    @Path("{measureId}")
    public Views.MeasureView one(
            @PathParam("collaborativeId") UUID collaborativeId, @PathParam("measureId") UUID measureId, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> Views.MeasureView.of(
                DataAccess.measure(session, collaborativeId, measureId, Access.member(session, collaborativeId, caller), clock)));
    }

    @POST
    public Response define(
            @PathParam("collaborativeId") UUID collaborativeId, MeasureRequest request, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        Views.MeasureView created = sessions.fromTransaction(session -> {
            if (request != null && request.siteId() != null) {
                DataAccess.enterer(session, collaborativeId, request.siteId(), caller);
            } else {
                Access.facilitator(session, collaborativeId, caller, "define the collaborative's measures");
            }
            MeasureRequest checked = checked(request);
            requireUniqueName(session, collaborativeId, checked, null);
            Measure measure = new Measure(collaborativeId, checked.siteId(), clock.instant());
            measure.define(checked);
            session.persist(measure);
            return Views.MeasureView.of(measure);
        });
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @PUT
    @Path("{measureId}")
    public Views.MeasureView redefine(
            @PathParam("collaborativeId") UUID collaborativeId,
            @PathParam("measureId") UUID measureId,
            MeasureRequest request,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Measure measure = editable(session, collaborativeId, measureId, caller);
            MeasureRequest checked = checked(request);
            if (!java.util.Objects.equals(checked.siteId(), measure.siteId())) {
                throw ApiException.invalid("siteId", "cannot change: a measure stays the collaborative's or its site's");
            }
            if (checked.kind() != measure.kind() && hasValues(session, measure)) {
                throw ApiException.invalid("kind", "cannot change once values have been entered; define a new measure instead");
            }
            requireUniqueName(session, collaborativeId, checked, measureId);
            measure.define(checked);
            return Views.MeasureView.of(measure);
        });
    }

    @DELETE
    @Path("{measureId}")
    public Response remove(
            @PathParam("collaborativeId") UUID collaborativeId, @PathParam("measureId") UUID measureId, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        sessions.inTransaction(session -> {
            Measure measure = editable(session, collaborativeId, measureId, caller);
            if (hasValues(session, measure)) {
                throw ApiException.conflict("measure_has_values", measure.name() + " has values entered; it stays so that they are not lost.");
            }
            session.remove(measure);
        });
        return Response.noContent().build();
    }

    private Measure editable(Session session, UUID collaborativeId, UUID measureId, Caller caller) {
        Member member = Access.member(session, collaborativeId, caller);
        Measure measure = DataAccess.measure(session, collaborativeId, measureId, member, clock);
        if (measure.siteId() == null) {
            Access.facilitator(session, collaborativeId, caller, "change the collaborative's measures");
        } else {
            DataAccess.enterer(session, collaborativeId, measure.siteId(), caller);
        }
        return measure;
    }

    private static MeasureRequest checked(MeasureRequest request) {
        if (request == null) {
            throw ApiException.badRequest("body_required", "This request needs a JSON body.");
        }
        return request.checked();
    }

    private static boolean hasValues(Session session, Measure measure) {
        return !session.createSelectionQuery("select 1 from MeasureValue where measureId = :m", Integer.class)
                .setParameter("m", measure.id())
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    private static void requireUniqueName(Session session, UUID collaborativeId, MeasureRequest request, UUID except) {
        boolean taken = session.createSelectionQuery("from Measure where collaborativeId = :c", Measure.class)
                .setParameter("c", collaborativeId)
                .getResultList()
                .stream()
                .anyMatch(m -> m.name().equalsIgnoreCase(request.name().strip())
                        && (m.siteId() == null || m.siteId().equals(request.siteId()))
                        && !m.id().equals(except));
        if (taken) {
            throw ApiException.conflict("measure_name_taken", "There is already a measure called " + request.name().strip() + ".");
        }
    }
}
