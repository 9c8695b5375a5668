package org.colearn.server.improvement;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.colearn.server.improvement.charts.Baseline;
import org.colearn.server.improvement.charts.ChartSpec;
import org.colearn.server.improvement.charts.ChartType;
import org.colearn.server.improvement.charts.Direction;
import org.colearn.server.improvement.charts.Observation;
import org.colearn.server.system.ApiException;

/**
 * Turns a measure's entries into what the chart calculations take: one observation per period from the first to the
 * last, missing periods as gaps; for days between events, the days since the previous event at each event (0 for a
 * second event on the same day, so several events on one day are so many points on that day). It also
 * says which charts suit each kind of measure, and the scale on which the chart's values are shown.
 */
final class ChartData {

    private ChartData() {}

    /** The chart each kind gets unless the team asks for another it allows. */
    static ChartType defaultChart(MeasureKind kind) {
        return switch (kind) {
            case PROPORTION -> ChartType.P;
            case RATE -> ChartType.U;
            case COUNT -> ChartType.C;
            case CONTINUOUS, DAYS_BETWEEN -> ChartType.XMR;
        };
    }

    static List<ChartType> allowed(MeasureKind kind) {
        return switch (kind) {
            case PROPORTION -> List.of(ChartType.RUN, ChartType.P, ChartType.P_PRIME);
            case RATE -> List.of(ChartType.RUN, ChartType.U);
            case COUNT -> List.of(ChartType.RUN, ChartType.C, ChartType.XMR);
            case CONTINUOUS, DAYS_BETWEEN -> List.of(ChartType.RUN, ChartType.XMR);
        };
    }

    /** The chart asked for by its code ({@code run}, {@code xmr}, {@code p}, {@code p_prime}, {@code c}, {@code u}). */
    static ChartType chosen(Measure measure, String code) {
        if (code == null || code.isBlank()) {
            return defaultChart(measure.kind());
        }
        for (ChartType type : allowed(measure.kind())) {
            if (type.name().equalsIgnoreCase(code.strip())) {
                return type;
            }
        }
        throw ApiException.invalid("chart", "must be one of " + allowed(measure.kind()).stream().map(ChartData::code).toList()
                + " for a " + measure.kind() + " measure");
    }

    static String code(ChartType type) {
        return type.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** What the chart's values are multiplied by to be shown: 100 for percentages, the rate's unit, else 1. */
    static double scale(Measure measure) {
        return measure.perUnit() == null ? 1 : measure.perUnit();
    }

    static ChartSpec spec(Measure measure, ChartType type, List<Entry> entries, List<LocalDate> changePoints, Integer runShift) {
        RuleChoice rules = RuleChoice.defaults();
        return specWith(measure, type, entries, changePoints,
                runShift == null ? rules : new RuleChoice(runShift, rules.runRules(), rules.astronomical()));
    }

    static ChartSpec specWith(Measure measure, ChartType type, List<Entry> entries, List<LocalDate> changePoints, RuleChoice rules) {
        double scale = scale(measure);
        return new ChartSpec(
                type,
                observations(measure, type, entries),
                measure.better() == Better.UP ? Direction.UP : Direction.DOWN,
                measure.goal() == null || measure.kind() == MeasureKind.DAYS_BETWEEN ? null : measure.goal() / scale,
                measure.baselineFrom() == null ? Baseline.all() : Baseline.between(measure.baselineFrom(), measure.baselineTo()),
                changePoints,
                Set.copyOf(rules.astronomical()),
                rules.options(),
                measure.kind() == MeasureKind.DAYS_BETWEEN);
    }

    static List<Observation> observations(Measure measure, ChartType type, List<Entry> entries) {
        List<Observation> observations = new ArrayList<>();
        if (entries.isEmpty()) {
            return observations;
        }
        if (measure.kind() == MeasureKind.DAYS_BETWEEN) {
            LocalDate previous = null;
            for (Entry e : entries) {
                long events = e.amount() == null ? 1 : Math.round(e.amount());
                for (long event = 0; event < events; event++) {
                    if (previous != null) {
                        observations.add(Observation.of(e.period(), ChronoUnit.DAYS.between(previous, e.period())));
                    }
                    previous = e.period();
                }
            }
            return observations;
        }
        Map<LocalDate, Entry> byPeriod = new TreeMap<>();
        entries.forEach(e -> byPeriod.put(e.period(), e));
        LocalDate last = entries.get(entries.size() - 1).period();
        for (LocalDate period = entries.get(0).period(); !period.isAfter(last); period = measure.frequency().next(period)) {
            Entry e = byPeriod.get(period);
            observations.add(e == null ? Observation.missing(period) : observation(measure, type, e));
        }
        return observations;
    }

    private static Observation observation(Measure measure, ChartType type, Entry e) {
        if (!measure.kind().needsDenominator()) {
            return Observation.of(e.period(), e.amount());
        }
        return type.needsDenominator()
                ? Observation.of(e.period(), e.numerator(), e.denominator())
                : Observation.of(e.period(), e.numerator() / e.denominator());
    }
}
