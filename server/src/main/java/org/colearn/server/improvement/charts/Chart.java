package org.colearn.server.improvement.charts;

import java.util.List;

/**
 * A computed chart: a point per period with its lines, the segments, the rules applied, the signals found, the
 * "Making Data Count" icons and a summary sentence. Immutable; serialises to JSON as it is.
 *
 * @param type the chart drawn
 * @param better which direction is better
 * @param goal the goal or target, on the plotted scale; null when none
 * @param points one per observation, in time order, missing periods included
 * @param segments the segments in time order; at least one when there is any observation
 * @param rules the rules applied, for the legend, in the order they are checked
 * @param signals every signal found, in time order of their first point
 * @param variationIcon the variation icon from the latest point with a value (control charts only; null for run
 *     charts and when the latest segment could not be judged)
 * @param assuranceIcon the assurance icon (control charts with a goal and a better direction only; else null)
 * @param judged whether any segment had enough points to apply the rules
 * @param summary what the rules found, in plain sentences that a screen reader reads well
 * @param notes caveats in plain sentences: segments with too few points to judge, missing periods
 */
public record Chart(
        ChartType type,
        Direction better,
        Double goal,
        List<ChartPoint> points,
        List<Segment> segments,
        List<AppliedRule> rules,
        List<Signal> signals,
        VariationIcon variationIcon,
        AssuranceIcon assuranceIcon,
        boolean judged,
        String summary,
        List<String> notes) {

    public Chart {
        points = List.copyOf(points);
        segments = List.copyOf(segments);
        rules = List.copyOf(rules);
        signals = List.copyOf(signals);
        notes = List.copyOf(notes);
    }
}
