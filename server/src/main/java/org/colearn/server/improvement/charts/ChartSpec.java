package org.colearn.server.improvement.charts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to chart: the series, the chart type and the team's choices. Build it with {@link #of(ChartType, List)} and
 * the {@code with} methods; the canonical constructor may gain components in later versions.
 *
 * @param type the chart to draw
 * @param observations the periods in time order, one per period, missing periods included as
 *     {@link Observation#missing(LocalDate)}
 * @param better which direction of the measure is better
 * @param goal the team's goal or target on the chart's scale (a proportion between 0 and 1 for P charts, a rate per
 *     unit of exposure for U charts); null when there is none
 * @param baseline which points of the first segment compute its centre line and limits
 * @param changePoints the first periods of new segments, from which the centre line and limits are recalculated
 *     (a date between periods starts the segment at the next period)
 * @param astronomical periods the team flags as astronomical data points on a run chart
 * @param options the rule variants
 * @param events whether the observations are events in time order rather than periods (the days between rare
 *     events, each at its event's date): several events may then fall on one day, where two periods may not
 */
public record ChartSpec(
        ChartType type,
        List<Observation> observations,
        Direction better,
        Double goal,
        Baseline baseline,
        List<LocalDate> changePoints,
        Set<LocalDate> astronomical,
        RuleOptions options,
        boolean events) {

    public ChartSpec {
        Objects.requireNonNull(type, "type");
        observations = List.copyOf(observations);
        Objects.requireNonNull(better, "better");
        Objects.requireNonNull(baseline, "baseline");
        changePoints = changePoints.stream().sorted().distinct().toList();
        astronomical = Set.copyOf(astronomical);
        Objects.requireNonNull(options, "options");
        if (goal != null && !Double.isFinite(goal)) {
            throw new IllegalArgumentException("The goal is not a number: " + goal);
        }
    }

    /** A chart of the series with no better direction, no goal, the whole first segment as baseline, default rules. */
    public static ChartSpec of(ChartType type, List<Observation> observations) {
        return new ChartSpec(type, observations, Direction.NEITHER, null, Baseline.all(), List.of(), Set.of(),
                RuleOptions.defaults(), false);
    }

    public ChartSpec withBetter(Direction direction) {
        return new ChartSpec(type, observations, direction, goal, baseline, changePoints, astronomical, options, events);
    }

    public ChartSpec withGoal(Double target) {
        return new ChartSpec(type, observations, better, target, baseline, changePoints, astronomical, options, events);
    }

    public ChartSpec withBaseline(Baseline points) {
        return new ChartSpec(type, observations, better, goal, points, changePoints, astronomical, options, events);
    }

    public ChartSpec withChangePoints(List<LocalDate> periods) {
        return new ChartSpec(type, observations, better, goal, baseline, periods, astronomical, options, events);
    }

    public ChartSpec withAstronomical(Set<LocalDate> periods) {
        return new ChartSpec(type, observations, better, goal, baseline, changePoints, periods, options, events);
    }

    public ChartSpec withOptions(RuleOptions rules) {
        return new ChartSpec(type, observations, better, goal, baseline, changePoints, astronomical, rules, events);
    }

    /** The same chart of events, several of which may fall on one day. */
    public ChartSpec asEvents() {
        return new ChartSpec(type, observations, better, goal, baseline, changePoints, astronomical, options, true);
    }

    public ChartSpec withType(ChartType chart) {
        return new ChartSpec(chart, observations, better, goal, baseline, changePoints, astronomical, options, events);
    }
}
