package org.colearn.server.improvement;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.colearn.server.community.Site;
import org.colearn.server.system.ApiException;
import org.hibernate.SessionFactory;

/**
 * A site's values of a measure: read by whoever may see the site's data, entered (by the form, many at once, or a CSV
 * file) and corrected by the site's members, each change kept in the history.
 */
@Path("collaboratives/{collaborativeId}/sites/{siteId}/measures/{measureId}/values")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class ValueResource {

    private final SessionFactory sessions;
    private final Clock clock;

    public ValueResource(SessionFactory sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    record ValuesRequest(List<EntryRequest> values) {}

    record Series(Views.MeasureView measure, UUID siteId, String siteName, List<Views.ValueView> values) {}

    record Written(int added, int corrected, int unchanged, List<Views.ValueView> values) {

        /** Checks and writes the request's entries, and says what changed and what the series holds now. */
        static Written of(ValueWriting writing, ValuesRequest request, ValueChange.Source source, String by, Clock clock) {
            if (request == null) {
                throw ApiException.badRequest("body_required", "Send the periods as {\"values\": [{\"period\": ..., ...}]}.");
            }
            Measure measure = writing.measure();
            ValueWriting.Outcome outcome = writing.write(ValueWriting.checked(measure, request.values()), source, by, clock.instant());
            return new Written(outcome.added(), outcome.corrected(), outcome.unchanged(),
                    writing.values().stream().map(v -> Views.ValueView.of(measure, v)).toList());
        }
    }

    @GET
    public Series list(
            @PathParam("collaborativeId") UUID collaborativeId,
            @PathParam("siteId") UUID siteId,
            @PathParam("measureId") UUID measureId,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Site site = DataAccess.reader(session, collaborativeId, siteId, caller, clock);
            Measure measure = readable(session, collaborativeId, site, measureId, caller);
            List<Views.ValueView> values = new ValueWriting(session, measure, siteId).values().stream()
                    .map(v -> Views.ValueView.of(measure, v)).toList();
            return new Series(Views.MeasureView.of(measure), site.id(), site.name(), values);
        });
    }

    @POST
    public Written enter(
            @PathParam("collaborativeId") UUID collaborativeId,
            @PathParam("siteId") UUID siteId,
            @PathParam("measureId") UUID measureId,
            ValuesRequest request,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Site site = DataAccess.enterer(session, collaborativeId, siteId, caller);
            Measure measure = readable(session, collaborativeId, site, measureId, caller);
            return Written.of(new ValueWriting(session, measure, siteId), request, ValueChange.Source.FORM, caller.displayName(), clock);
        });
    }

    @DELETE
    @Path("{period}")
    public Response remove(
            @PathParam("collaborativeId") UUID collaborativeId,
            @PathParam("siteId") UUID siteId,
            @PathParam("measureId") UUID measureId,
            @PathParam("period") String period,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        sessions.inTransaction(session -> {
            Site site = DataAccess.enterer(session, collaborativeId, siteId, caller);
            Measure measure = readable(session, collaborativeId, site, measureId, caller);
            EntryRequest which = new EntryRequest(period, null, null, null);
            List<ApiException.FieldError> problems = which.problems(measure, "").stream()
                    .filter(p -> p.field().equals("period")).toList();
            if (!problems.isEmpty()) {
                throw ApiException.invalid(problems);
            }
            new ValueWriting(session, measure, siteId)
                    .remove(which.entry(measure).period(), ValueChange.Source.FORM, caller.displayName(), clock.instant());
        });
        return Response.noContent().build();
    }

    @GET
    @Path("history")
    public List<Views.ChangeView> history(
            @PathParam("collaborativeId") UUID collaborativeId,
            @PathParam("siteId") UUID siteId,
            @PathParam("measureId") UUID measureId,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Site site = DataAccess.reader(session, collaborativeId, siteId, caller, clock);
            Measure measure = readable(session, collaborativeId, site, measureId, caller);
            return new ValueWriting(session, measure, siteId).history().stream().map(c -> Views.ChangeView.of(measure, c)).toList();
        });
    }

    /** Imports a CSV file of periods; {@code dryRun} checks only, {@code skipInvalid} imports the valid rows. */
    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public ValueImport.Report importCsv(
            @PathParam("collaborativeId") UUID collaborativeId,
            @PathParam("siteId") UUID siteId,
            @PathParam("measureId") UUID measureId,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @QueryParam("skipInvalid") @DefaultValue("false") boolean skipInvalid,
            String csv,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Site site = DataAccess.enterer(session, collaborativeId, siteId, caller);
            Measure measure = readable(session, collaborativeId, site, measureId, caller);
            Instant now = clock.instant();
            return new ValueImport(measure).run(csv, dryRun, skipInvalid, new ValueWriting(session, measure, siteId), caller.displayName(), now);
        });
    }

    private Measure readable(org.hibernate.Session session, UUID collaborativeId, Site site, UUID measureId, Caller caller) {
        Measure measure = DataAccess.measure(session, collaborativeId, measureId, Access.member(session, collaborativeId, caller), clock);
        return DataAccess.measureOfSite(measure, site);
    }
}
