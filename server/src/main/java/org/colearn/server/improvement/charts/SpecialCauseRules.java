package org.colearn.server.improvement.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * The special-cause rules of NHS England's "Making Data Count" applied to one segment of an SPC chart: a point
 * beyond a process limit, a run on one side of the mean, a trend, and two of three points beyond two sigma.
 */
final class SpecialCauseRules {

    private final Series series;
    private final Lines lines;
    private final Words words;
    private final RuleOptions options;

    SpecialCauseRules(Series series, Lines lines, Words words, RuleOptions options) {
        this.series = series;
        this.lines = lines;
        this.words = words;
        this.options = options;
    }

    List<Found> find(SegmentPlan plan, String centreName) {
        List<Found> found = new ArrayList<>();
        List<Integer> points = plan.points().stream().filter(i -> lines.upper[i] != null).toList();
        for (int i : points) {
            if (series.value(i) > lines.upper[i] || series.value(i) < lines.lower[i]) {
                boolean high = series.value(i) > lines.upper[i];
                found.add(new Found(RuleId.BEYOND_LIMITS, List.of(i), high ? Side.HIGH : Side.LOW,
                        "A point " + (high ? "above the upper" : "below the lower") + " limit "
                                + words.span(List.of(i))));
            }
        }
        for (List<Integer> run : Runs.of(series, plan.points(), lines.centre[plan.from()], false)) {
            if (run.size() >= options.spcShift()) {
                Side side = Runs.side(series, run.get(0), lines.centre[run.get(0)]);
                found.add(new Found(RuleId.SPC_SHIFT, run, side, "A shift: " + Words.points(run.size()) + " "
                        + (side == Side.HIGH ? "above " : "below ") + centreName + " " + words.span(run)));
            }
        }
        found.addAll(trends(plan.points()));
        found.addAll(twoOfThree(points, true));
        found.addAll(twoOfThree(points, false));
        return found;
    }

    /** Points each higher (or each lower) than the one before; an unchanged value ends the trend. */
    private List<Found> trends(List<Integer> points) {
        List<Found> found = new ArrayList<>();
        int start = 0;
        for (int k = 1; k <= points.size(); k++) {
            int direction = direction(points, start);
            if (k < points.size() && direction != 0 && direction(points, k - 1) == direction) {
                continue;
            }
            List<Integer> trend = points.subList(start, k);
            if (direction != 0 && trend.size() >= options.spcTrend()) {
                found.add(new Found(RuleId.SPC_TREND, trend, direction > 0 ? Side.HIGH : Side.LOW, "A trend: "
                        + Words.points(trend.size()) + (direction > 0 ? " increasing " : " decreasing ")
                        + words.span(trend)));
            }
            start = k - 1;
        }
        return found;
    }

    /** The sign of the step from point k to point k + 1; 0 at the end of the list. */
    private int direction(List<Integer> points, int k) {
        if (k + 1 >= points.size()) {
            return 0;
        }
        return (int) Math.signum(series.value(points.get(k + 1)) - series.value(points.get(k)));
    }

    /**
     * Two of three points in a row beyond two sigma on the same side of the mean (a point beyond the limit counts
     * too); the points beyond two sigma are the signal, and overlapping windows make one signal.
     */
    private List<Found> twoOfThree(List<Integer> points, boolean high) {
        boolean[] beyond = new boolean[points.size()];
        boolean[] flagged = new boolean[points.size()];
        for (int k = 0; k < points.size(); k++) {
            int i = points.get(k);
            beyond[k] = high ? series.value(i) > lines.upperTwoSigma[i] : series.value(i) < lines.lowerTwoSigma[i];
        }
        for (int k = 0; k + 2 < points.size(); k++) {
            int count = (beyond[k] ? 1 : 0) + (beyond[k + 1] ? 1 : 0) + (beyond[k + 2] ? 1 : 0);
            if (count >= 2) {
                for (int j = k; j <= k + 2; j++) {
                    flagged[j] |= beyond[j];
                }
            }
        }
        List<Found> found = new ArrayList<>();
        List<Integer> group = new ArrayList<>();
        int last = -10;
        for (int k = 0; k <= points.size(); k++) {
            if (k < points.size() && !flagged[k]) {
                continue;
            }
            if (!group.isEmpty() && (k == points.size() || k - last > 2)) {
                found.add(new Found(RuleId.TWO_OF_THREE, group, high ? Side.HIGH : Side.LOW,
                        "Two of three points near the " + (high ? "upper" : "lower") + " limit, beyond two sigma, "
                                + words.span(group)));
                group = new ArrayList<>();
            }
            if (k < points.size()) {
                group.add(points.get(k));
                last = k;
            }
        }
        return found;
    }
}
