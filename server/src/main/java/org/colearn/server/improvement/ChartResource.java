package org.colearn.server.improvement;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.colearn.server.auth.Caller;
import org.colearn.server.community.Access;
import org.colearn.server.community.Site;
import org.colearn.server.improvement.charts.Chart;
import org.colearn.server.improvement.charts.ChartType;
import org.colearn.server.system.ApiException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * The chart of a site's measure: the values, what the rules found, and the site's PDSA cycles to annotate it with; as
 * JSON for the page, or as a CSV file of the data table. Read by whoever may see the site's data.
 */
@Path("collaboratives/{collaborativeId}/sites/{siteId}/measures/{measureId}")
public final class ChartResource {

    private final SessionFactory sessions;
    private final Clock clock;

    public ChartResource(SessionFactory sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * @param chart the chart type's code; the measure kind's usual chart when absent
     * @param changePoints the periods from which the centre line and limits are recalculated: those asked for, else
     *     those the site's team marked
     * @param marked the periods the site's team marked
     * @param scale what the analysis's values are multiplied by to be shown (100 for a percentage)
     * @param unit the words after a shown value ("%", "per 1000 bed days")
     * @param ruleChoice the rule variants the chart applied: the run-chart shift, which run-chart rules, and the
     *     periods the team flagged as astronomical
     */
    record ChartView(
            Views.MeasureView measure,
            UUID siteId,
            String siteName,
            String chart,
            List<String> charts,
            List<String> changePoints,
            List<String> marked,
            double scale,
            String unit,
            RuleChoice.View ruleChoice,
            Chart analysis,
            List<Views.ValueView> values,
            List<PdsaCycle.View> annotations) {}

    @GET
    @Path("chart")
    @Produces(MediaType.APPLICATION_JSON)
    public ChartView chart(
            @BeanParam Query query, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> view(session, query, caller));
    }

    @GET
    @Path("chart.csv")
    @Produces("text/csv")
    public Response csv(
            @BeanParam Query query, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            ChartView view = view(session, query, caller);
            return Response.ok(ChartCsv.of(view, session.find(Measure.class, query.measureId)))
                    .type("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + ChartCsv.fileName(view) + "\"")
                    .build();
        });
    }

    /**
     * The chart's address and the reader's choices of chart, change points, run-chart shift (6 or 8), run-chart rules
     * ({@code classic}, {@code anhoj} or {@code both}) and the periods the team flags as astronomical.
     */
    public static final class Query {
        @PathParam("collaborativeId") UUID collaborativeId;
        @PathParam("siteId") UUID siteId;
        @PathParam("measureId") UUID measureId;
        @QueryParam("chart") String chart;
        @QueryParam("changePoint") List<String> changePoints;
        @QueryParam("runShift") Integer runShift;
        @QueryParam("runRules") String runRules;
        @QueryParam("astronomical") List<String> astronomical;
    }

    private ChartView view(Session session, Query query, Caller caller) {
        UUID collaborativeId = query.collaborativeId;
        UUID siteId = query.siteId;
        UUID measureId = query.measureId;
        Site site = DataAccess.reader(session, collaborativeId, siteId, caller, clock);
        Measure measure = DataAccess.measureOfSite(
                DataAccess.measure(session, collaborativeId, measureId, Access.member(session, collaborativeId, caller), clock), site);
        ChartType type = ChartData.chosen(measure, query.chart);
        List<LocalDate> marked = marked(session, measureId, siteId);
        List<LocalDate> asked = changePoints(measure, query.changePoints, "changePoint");
        List<LocalDate> changePoints = query.changePoints == null || query.changePoints.isEmpty() ? marked : asked;
        RuleChoice rules = RuleChoice.of(measure, query.runShift, query.runRules, query.astronomical);
        List<MeasureValue> values = new ValueWriting(session, measure, siteId).values();
        Chart analysis = analyseWith(measure, type, values.stream().map(MeasureValue::entry).toList(), changePoints, rules);
        List<PdsaCycle.View> annotations = PdsaResource.cycles(session, siteId).stream()
                .filter(c -> c.measureId() == null || c.measureId().equals(measureId))
                .map(PdsaCycle::view)
                .toList();
        return new ChartView(
                Views.MeasureView.of(measure),
                site.id(),
                site.name(),
                ChartData.code(type),
                ChartData.allowed(measure.kind()).stream().map(ChartData::code).toList(),
                changePoints.stream().map(p -> Periods.code(measure, p)).toList(),
                marked.stream().map(p -> Periods.code(measure, p)).toList(),
                ChartData.scale(measure),
                unit(measure),
                rules.view(measure),
                analysis,
                values.stream().map(v -> Views.ValueView.of(measure, v)).toList(),
                annotations);
    }

    static Chart analyse(Measure measure, ChartType type, List<Entry> entries, List<LocalDate> changePoints, Integer runShift) {
        RuleChoice rules = RuleChoice.defaults();
        return analyseWith(measure, type, entries, changePoints,
                runShift == null ? rules : new RuleChoice(runShift, rules.runRules(), rules.astronomical()));
    }

    /** The chart of these entries with the rule variants chosen; a 422 naming {@code chart} when it cannot be drawn. */
    static Chart analyseWith(Measure measure, ChartType type, List<Entry> entries, List<LocalDate> changePoints, RuleChoice rules) {
        try {
            return org.colearn.server.improvement.charts.Charts.chart(ChartData.specWith(measure, type, entries, changePoints, rules));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("chart", "cannot be drawn from these values: " + e.getMessage());
        }
    }

    /** The periods the site's team marks as change points, replacing those marked before; the chart as it is then. */
    @PUT
    @Path("chart/change-points")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ChartView mark(@BeanParam Query query, ChangePoints body, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Site site = DataAccess.enterer(session, query.collaborativeId, query.siteId, caller);
            Measure measure = DataAccess.measureOfSite(DataAccess.measure(
                    session, query.collaborativeId, query.measureId, Access.member(session, query.collaborativeId, caller), clock), site);
            if (body == null || body.periods() == null) {
                throw ApiException.badRequest("body_required", "Send the change points as {\"periods\": [\"2026-03\"]} (an empty list clears them).");
            }
            List<LocalDate> periods = changePoints(measure, body.periods(), "periods");
            session.createMutationQuery("delete from ChangePoint where measureId = :m and siteId = :s")
                    .setParameter("m", measure.id())
                    .setParameter("s", site.id())
                    .executeUpdate();
            periods.stream().distinct().forEach(period ->
                    session.persist(new ChangePoint(measure.id(), site.id(), period, caller.displayName(), clock.instant())));
            session.flush();
            query.changePoints = List.of();
            return view(session, query, caller);
        });
    }

    record ChangePoints(List<String> periods) {}

    private static List<LocalDate> marked(Session session, UUID measureId, UUID siteId) {
        return session.createSelectionQuery(
                        "select period from ChangePoint where measureId = :m and siteId = :s order by period", LocalDate.class)
                .setParameter("m", measureId)
                .setParameter("s", siteId)
                .getResultList();
    }

    private static List<LocalDate> changePoints(Measure measure, List<String> codes, String field) {
        List<ApiException.FieldError> problems = new ArrayList<>();
        List<LocalDate> periods = new ArrayList<>();
        for (String code : codes == null ? List.<String>of() : codes) {
            LocalDate period = Periods.parse(measure, code, field, problems);
            if (period != null) {
                periods.add(period);
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return periods;
    }

    static String unit(Measure measure) {
        return switch (measure.kind()) {
            case PROPORTION -> "%";
            case RATE -> "per " + measure.perUnit() + " " + measure.denominatorLabel();
            case COUNT, CONTINUOUS -> "";
            case DAYS_BETWEEN -> "days";
        };
    }
}
