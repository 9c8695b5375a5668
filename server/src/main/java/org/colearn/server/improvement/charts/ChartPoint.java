package org.colearn.server.improvement.charts;

import java.time.LocalDate;
import java.util.List;

/**
 * One period of a drawn chart: what is plotted, the lines at that period, and what the rules said of it. Every
 * limit is on the plotted scale and null where the chart has none (run charts have no limits; a missing period
 * still has its segment's lines so that they run on across the gap).
 *
 * @param period the first day of the period
 * @param value the plotted value: the value (run, XmR, C), proportion (P, P′) or rate (U); null when missing
 * @param numerator the value, count or numerator as entered; null when none was entered
 * @param denominator the denominator or exposure as entered; null when the chart needs none or none was entered
 * @param segment the index of the segment the period belongs to
 * @param baseline whether the point is one of those that computed its segment's lines
 * @param centre the centre line
 * @param lowerLimit the lower process limit (three sigma), never below 0 for P, P′, C and U charts
 * @param upperLimit the upper process limit (three sigma), never above 1 for P and P′ charts
 * @param lowerTwoSigma the lower two-sigma line used by the two-of-three rule
 * @param upperTwoSigma the upper two-sigma line
 * @param movingRange the absolute difference from the previous period (XmR only; null for the first point of a
 *     segment and next to a missing period)
 * @param movingRangeUpperLimit the upper limit of the moving-range chart, 3.267 × the average moving range (XmR)
 * @param variation what the rules make of the point: improvement or concern by the side of the centre line it lies
 *     on when a signal includes it, else common cause; null when the point is missing or its segment had too few
 *     points to judge
 * @param rules the rules whose signals include this point, in the order of {@link RuleId}; signals about a whole
 *     segment (too few or too many runs, few crossings) are not listed on its points
 */
public record ChartPoint(
        LocalDate period,
        Double value,
        Double numerator,
        Double denominator,
        int segment,
        boolean baseline,
        Double centre,
        Double lowerLimit,
        Double upperLimit,
        Double lowerTwoSigma,
        Double upperTwoSigma,
        Double movingRange,
        Double movingRangeUpperLimit,
        Variation variation,
        List<RuleId> rules) {

    public ChartPoint {
        rules = List.copyOf(rules);
    }

    /** Whether the period has no value. */
    public boolean missing() {
        return value == null;
    }
}
