package org.colearn.server.improvement;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.colearn.plugin.api.Measures;
import org.colearn.server.buddies.ActivePairs;
import org.colearn.server.community.Site;
import org.colearn.server.improvement.charts.Chart;
import org.colearn.server.improvement.charts.ChartType;
import org.colearn.server.system.Json;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * A live session's collaborative's measures as activities read them: the common measures, and every site's chart of
 * one with who may see it by the rules of the data pages (its members and its active buddy pair's members; everyone
 * when it shares its data). Each call reads afresh in one transaction, a handful of queries whatever the number of
 * sites; the chart is the one the site's chart page draws, in its measure's usual chart type, with the change points
 * its team marked.
 */
public final class CollaborativeMeasures implements Measures {

    private final SessionFactory sessions;
    private final UUID collaborativeId;
    private final Clock clock;

    public CollaborativeMeasures(SessionFactory sessions, UUID collaborativeId, Clock clock) {
        this.sessions = sessions;
        this.collaborativeId = collaborativeId;
        this.clock = clock;
    }

    @Override
    public List<Measure> common() {
        return sessions.fromTransaction(session -> commonMeasures(session).stream()
                .map(m -> new Measure(m.id().toString(), m.name(), m.definition(), m.kind().name().toLowerCase(java.util.Locale.ROOT)))
                .toList());
    }

    @Override
    public List<SiteChart> charts(String measureId) {
        return sessions.fromTransaction(session -> {
            org.colearn.server.improvement.Measure measure = commonMeasures(session).stream()
                    .filter(m -> m.id().toString().equals(measureId))
                    .findFirst()
                    .orElse(null);
            return measure == null ? List.<SiteChart>of() : charts(session, measure);
        });
    }

    private List<org.colearn.server.improvement.Measure> commonMeasures(Session session) {
        return session.createSelectionQuery(
                        "from Measure where collaborativeId = :c and siteId is null order by name", org.colearn.server.improvement.Measure.class)
                .setParameter("c", collaborativeId)
                .getResultList();
    }

    private List<SiteChart> charts(Session session, org.colearn.server.improvement.Measure measure) {
        List<Site> sites = session.createSelectionQuery("from Site where collaborativeId = :c order by name", Site.class)
                .setParameter("c", collaborativeId)
                .getResultList();
        Map<UUID, List<Entry>> entries = new HashMap<>();
        session.createSelectionQuery("from MeasureValue where measureId = :m order by period", MeasureValue.class)
                .setParameter("m", measure.id())
                .getResultList()
                .forEach(v -> entries.computeIfAbsent(v.siteId(), s -> new ArrayList<>()).add(v.entry()));
        Set<UUID> shared = new java.util.HashSet<>(session.createSelectionQuery(
                        "select s.siteId from DataSharing s, Site site where site.id = s.siteId and site.collaborativeId = :c", UUID.class)
                .setParameter("c", collaborativeId)
                .getResultList());
        Map<UUID, List<String>> members = new HashMap<>();
        session.createSelectionQuery(
                        "select siteId, accountId from Member where collaborativeId = :c and siteId is not null and accountId is not null",
                        Object[].class)
                .setParameter("c", collaborativeId)
                .getResultList()
                .forEach(row -> members.computeIfAbsent((UUID) row[0], s -> new ArrayList<>()).add(row[1].toString()));
        List<ActivePairs.Pair> pairs = ActivePairs.of(session, collaborativeId, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        Map<UUID, List<LocalDate>> changePoints = ChangePoint.bySite(session, measure.id());
        ChartType type = ChartData.defaultChart(measure.kind());
        List<SiteChart> charts = new ArrayList<>();
        for (Site site : sites) {
            List<String> memberIds = members.getOrDefault(site.id(), List.of());
            Set<String> readers = new LinkedHashSet<>(memberIds);
            pairs.stream()
                    .filter(pair -> pair.sites().contains(site.name()))
                    .forEach(pair -> pair.memberIds().forEach(id -> readers.add(id.toString())));
            List<Entry> values = entries.getOrDefault(site.id(), List.of());
            Chart analysis = values.isEmpty() ? null
                    : analyse(measure, type, values, changePoints.getOrDefault(site.id(), List.of()));
            charts.add(new SiteChart(site.id().toString(), site.name(), shared.contains(site.id()), List.copyOf(memberIds),
                    List.copyOf(readers), analysis == null ? null : analysis.summary(), analysis == null ? null : json(measure, analysis)));
        }
        return charts;
    }

    /**
     * The site's chart with the limits starting again at the change points its team marked, as its chart page shows
     * it; null when its values cannot make one: the review then shows it has none.
     */
    private static Chart analyse(org.colearn.server.improvement.Measure measure, ChartType type, List<Entry> values,
            List<LocalDate> changePoints) {
        try {
            return ChartResource.analyse(measure, type, values, changePoints, null);
        } catch (org.colearn.server.system.ApiException cannotBeDrawn) {
            return null;
        }
    }

    /** The chart as the pages draw it: the analysis, the scale its values are shown on, and their unit. */
    private static String json(org.colearn.server.improvement.Measure measure, Chart analysis) {
        try {
            return Json.MAPPER.writeValueAsString(Map.of(
                    "analysis", analysis, "scale", ChartData.scale(measure), "unit", ChartResource.unit(measure)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a chart that cannot be written as JSON", e);
        }
    }
}
