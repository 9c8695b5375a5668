package org.colearn.server.improvement;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.colearn.server.auth.Caller;
import org.colearn.server.community.Access;
import org.colearn.server.community.Member;
import org.colearn.server.community.Site;
import org.colearn.server.improvement.charts.AppliedRule;
import org.colearn.server.improvement.charts.Chart;
import org.colearn.server.improvement.charts.ChartType;
import org.colearn.server.improvement.charts.Charts;
import org.colearn.server.improvement.charts.Direction;
import org.colearn.server.improvement.charts.FunnelPlot;
import org.colearn.server.improvement.charts.FunnelUnit;
import org.colearn.server.improvement.charts.RateUnit;
import org.colearn.server.system.ApiException;
import org.hibernate.SessionFactory;

/**
 * One common measure across the collaborative: a small chart per site the caller may see (only what a small multiple
 * draws, its limits starting again at the site's own change points; the site's full chart is its own resource), the
 * aggregate of those sites, and for proportions and rates a funnel plot of every site's latest periods, naming only the
 * sites that share their data and the caller's own. Every chart of the view applies the same rule variants, which the
 * reader (a facilitator before the collaborative, say) chooses as on a site's chart.
 */
@Path("collaboratives/{collaborativeId}/measures/{measureId}/overview")
@Produces(MediaType.APPLICATION_JSON)
public final class OverviewResource {

    /** Periods a funnel plot adds up, ending with the latest period any site reported. */
    static final int FUNNEL_PERIODS = 3;

    private final SessionFactory sessions;
    private final Clock clock;

    public OverviewResource(SessionFactory sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    record SiteChart(UUID siteId, String siteName, boolean shared, SmallChart small) {}

    /**
     * @param kind {@code proportion} (binomial limits) or {@code rate} (Poisson limits; the plot's values are rates
     *     per one unit of exposure, shown per the measure's unit)
     */
    record FunnelView(String from, String to, String kind, FunnelPlot plot) {}

    /**
     * @param charts the charts the measure's kind allows
     * @param ruleChoice the rule variants every chart of the view applies: the run-chart shift and which run-chart rules
     * @param rules the rules every chart of the view applies, named and defined once for all the small multiples
     */
    record Overview(Views.MeasureView measure, String chart, List<String> charts, double scale, String unit, int hiddenSites,
            RuleChoice.View ruleChoice, List<AppliedRule> rules, List<SiteChart> sites, Chart aggregate, FunnelView funnel) {}

    /**
     * @param chart the chart type's code; the measure kind's usual chart when absent
     * @param runShift points in a row that make a shift on a run chart, 6 or 8; 6 when absent
     * @param runRules {@code classic}, {@code anhoj} or {@code both} (when absent)
     */
    @GET
    public Overview overview(
            @PathParam("collaborativeId") UUID collaborativeId,
            @PathParam("measureId") UUID measureId,
            @QueryParam("chart") String chart,
            @QueryParam("runShift") Integer runShift,
            @QueryParam("runRules") String runRules,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        return sessions.fromTransaction(session -> {
            Member member = Access.member(session, collaborativeId, caller);
            Measure measure = DataAccess.measure(session, collaborativeId, measureId, member, clock);
            if (measure.siteId() != null) {
                throw ApiException.notFound("measure_not_found", "Only the collaborative's common measures have a view across sites.");
            }
            ChartType type = ChartData.chosen(measure, chart);
            RuleChoice choice = RuleChoice.of(measure, runShift, runRules, List.of());
            Map<UUID, List<Entry>> bySite = new LinkedHashMap<>();
            session.createSelectionQuery("from MeasureValue where measureId = :m order by period", MeasureValue.class)
                    .setParameter("m", measureId)
                    .getResultList()
                    .forEach(v -> bySite.computeIfAbsent(v.siteId(), s -> new ArrayList<>()).add(v.entry()));
            List<Site> sites = session.createSelectionQuery("from Site where collaborativeId = :c order by name", Site.class)
                    .setParameter("c", collaborativeId)
                    .getResultList();
            Map<UUID, List<LocalDate>> changePoints = ChangePoint.bySite(session, measureId);
            java.util.Set<UUID> sharing = sites.isEmpty() ? java.util.Set.of() : new java.util.HashSet<>(session
                    .createSelectionQuery("select siteId from DataSharing where siteId in :sites", UUID.class)
                    .setParameter("sites", sites.stream().map(Site::id).toList())
                    .getResultList());
            List<SiteChart> charts = new ArrayList<>();
            List<Entry> visible = new ArrayList<>();
            Map<UUID, String> named = new LinkedHashMap<>();
            int hidden = 0;
            List<AppliedRule> rules = List.of();
            java.util.Set<UUID> readableSites = DataAccess.readableSites(session, member, clock);
            for (Site site : sites) {
                boolean readable = readableSites.contains(site.id());
                List<Entry> entries = bySite.getOrDefault(site.id(), List.of());
                if (sharing.contains(site.id()) || site.id().equals(member.siteId())) {
                    named.put(site.id(), site.name());
                }
                if (readable) {
                    Chart analysis = ChartResource.analyseWith(
                            measure, type, entries, changePoints.getOrDefault(site.id(), List.of()), choice);
                    rules = analysis.rules();
                    charts.add(new SiteChart(site.id(), site.name(), sharing.contains(site.id()), SmallChart.of(analysis)));
                    visible.addAll(entries);
                } else if (!entries.isEmpty()) {
                    hidden++;
                }
            }
            Chart aggregate = measure.kind() == MeasureKind.DAYS_BETWEEN
                    ? null
                    : ChartResource.analyseWith(measure, type, aggregate(measure, visible), List.of(), choice);
            FunnelView funnel = measure.kind() == MeasureKind.PROPORTION || measure.kind() == MeasureKind.RATE
                    ? funnel(measure, bySite, named)
                    : null;
            return new Overview(Views.MeasureView.of(measure), ChartData.code(type),
                    ChartData.allowed(measure.kind()).stream().map(ChartData::code).toList(), ChartData.scale(measure),
                    ChartResource.unit(measure), hidden, choice.view(measure), aggregate == null ? rules : aggregate.rules(),
                    charts, aggregate, funnel);
        });
    }

    /** The sites' values added up per period (numerators and denominators, or counts); measurements are averaged. */
    private static List<Entry> aggregate(Measure measure, List<Entry> entries) {
        Map<LocalDate, List<Entry>> byPeriod = entries.stream()
                .collect(Collectors.groupingBy(Entry::period, TreeMap::new, Collectors.toList()));
        List<Entry> total = new ArrayList<>();
        byPeriod.forEach((period, list) -> total.add(switch (measure.kind()) {
            case PROPORTION, RATE -> new Entry(period, sum(list, Entry::numerator), sum(list, Entry::denominator), null);
            case COUNT -> new Entry(period, null, null, sum(list, Entry::amount));
            default -> new Entry(period, null, null, sum(list, Entry::amount) / list.size());
        }));
        return total;
    }

    private static double sum(List<Entry> entries, java.util.function.Function<Entry, Double> part) {
        return entries.stream().mapToDouble(part::apply).sum();
    }

    /**
     * Every site's last {@link #FUNNEL_PERIODS} periods up to the latest period reported, added up: proportions with
     * binomial limits, rates with Poisson ones. Only the sites that share their data, and the caller's own, are named:
     * every other site is on the plot unnamed, so that the comparison stays fair without showing whose data they are,
     * whoever looks at it (a funnel is often shown to the whole collaborative).
     */
    private static FunnelView funnel(Measure measure, Map<UUID, List<Entry>> bySite, Map<UUID, String> names) {
        LocalDate to = bySite.values().stream().flatMap(List::stream).map(Entry::period).max(Comparator.naturalOrder()).orElse(null);
        if (to == null) {
            return null;
        }
        LocalDate from = to;
        for (int i = 1; i < FUNNEL_PERIODS; i++) {
            from = measure.frequency() == Frequency.WEEKLY ? from.minusWeeks(1) : from.minusMonths(1);
        }
        LocalDate start = from;
        List<FunnelUnit> units = new ArrayList<>();
        List<RateUnit> rates = new ArrayList<>();
        int unnamed = 0;
        List<UUID> ids = new ArrayList<>(bySite.keySet());
        ids.sort(Comparator.comparing(UUID::toString));
        for (UUID siteId : ids) {
            List<Entry> window = bySite.get(siteId).stream().filter(e -> !e.period().isBefore(start)).toList();
            double denominator = sum(window, Entry::denominator);
            if (window.isEmpty() || denominator <= 0) {
                continue;
            }
            String name = names.containsKey(siteId) ? names.get(siteId) : "Another site " + (++unnamed);
            if (measure.kind() == MeasureKind.RATE) {
                rates.add(new RateUnit(name, sum(window, Entry::numerator), denominator));
            } else {
                units.add(new FunnelUnit(name, sum(window, Entry::numerator), denominator));
            }
        }
        if (units.isEmpty() && rates.isEmpty()) {
            return null;
        }
        Direction better = measure.better() == Better.UP ? Direction.UP : Direction.DOWN;
        FunnelPlot plot = measure.kind() == MeasureKind.RATE
                ? Charts.rateFunnel(rates, better, ChartData.scale(measure), ChartResource.unit(measure))
                : Charts.funnel(units, better);
        return new FunnelView(Periods.code(measure, start), Periods.code(measure, to),
                measure.kind() == MeasureKind.RATE ? "rate" : "proportion", plot);
    }
}
