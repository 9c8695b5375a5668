package org.colearn.server.improvement.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.distribution.BinomialDistribution;

/** The run-chart rules of healthcare improvement and Anhøj's rules, applied to one segment about its median. */
final class RunRules {

    private final Series series;
    private final Words words;
    private final RuleOptions options;

    RunRules(Series series, Words words, RuleOptions options) {
        this.series = series;
        this.words = words;
        this.options = options;
    }

    static RunAnalysis analyse(Series series, SegmentPlan plan, double median) {
        List<List<Integer>> runs = Runs.of(series, plan.points(), median, true);
        int useful = runs.stream().mapToInt(List::size).sum();
        int longest = runs.stream().mapToInt(List::size).max().orElse(0);
        boolean tabled = RunsTable.covers(useful);
        return new RunAnalysis(useful, runs.size(), tabled ? RunsTable.fewest(useful) : null,
                tabled ? RunsTable.most(useful) : null, longest, longestRunLimit(useful),
                Math.max(runs.size() - 1, 0), fewestCrossings(useful));
    }

    /** Anhøj: round(log2(n)) + 3, as qicharts2 computes it. */
    static int longestRunLimit(int useful) {
        return useful == 0 ? 0 : (int) Math.round(Math.log(useful) / Math.log(2)) + 3;
    }

    /** Anhøj: qbinom(0.05, n − 1, 0.5), the smallest count whose cumulative probability reaches 5%. */
    static int fewestCrossings(int useful) {
        if (useful < 2) {
            return 0;
        }
        return new BinomialDistribution(null, useful - 1, 0.5).inverseCumulativeProbability(0.05);
    }

    List<Found> find(SegmentPlan plan, double median, RunAnalysis analysis, String centreName, Set<Integer> flagged) {
        List<Found> found = new ArrayList<>();
        List<List<Integer>> runs = Runs.of(series, plan.points(), median, true);
        if (options.runRuleSets().contains(RunRuleSet.PERLA_PROVOST_MURRAY)) {
            for (List<Integer> run : runs) {
                if (run.size() >= options.runShift()) {
                    Side side = Runs.side(series, run.get(0), median);
                    found.add(new Found(RuleId.SHIFT, run, side, "A shift: " + Words.points(run.size()) + " "
                            + (side == Side.HIGH ? "above " : "below ") + centreName + " " + words.span(run)));
                }
            }
            found.addAll(trends(plan.points()));
            if (analysis.fewestRuns() != null && analysis.runs() < analysis.fewestRuns()) {
                found.add(new Found(RuleId.TOO_FEW_RUNS, useful(runs), Side.NONE, "Too few runs: "
                        + analysis.runs() + " runs in " + analysis.usefulPoints() + " points off " + centreName
                        + ", where at least " + analysis.fewestRuns() + " are expected by chance"));
            }
            if (analysis.mostRuns() != null && analysis.runs() > analysis.mostRuns()) {
                found.add(new Found(RuleId.TOO_MANY_RUNS, useful(runs), Side.NONE, "Too many runs: "
                        + analysis.runs() + " runs in " + analysis.usefulPoints() + " points off " + centreName
                        + ", where at most " + analysis.mostRuns() + " are expected by chance"));
            }
            found.addAll(astronomical(plan, median, flagged));
        }
        if (options.runRuleSets().contains(RunRuleSet.ANHOJ) && analysis.usefulPoints() > 0) {
            for (List<Integer> run : runs) {
                if (run.size() > analysis.longestRunLimit()) {
                    Side side = Runs.side(series, run.get(0), median);
                    found.add(new Found(RuleId.LONGEST_RUN, run, side, "An unusually long run: "
                            + Words.points(run.size()) + " in a row " + (side == Side.HIGH ? "above " : "below ")
                            + centreName + " " + words.span(run) + ", more than the "
                            + analysis.longestRunLimit() + " expected at most"));
                }
            }
            if (analysis.crossings() < analysis.fewestCrossings()) {
                found.add(new Found(RuleId.FEW_CROSSINGS, useful(runs), Side.NONE, "Unusually few crossings: the "
                        + "points cross " + centreName + " " + times(analysis.crossings()) + ", fewer than the "
                        + analysis.fewestCrossings() + " expected at least"));
            }
        }
        return found;
    }

    /**
     * Trends: points all going up or all going down; a point equal to the one before it neither makes nor breaks
     * a trend.
     */
    private List<Found> trends(List<Integer> points) {
        List<Found> found = new ArrayList<>();
        int start = 0;
        int direction = 0;
        int counted = 1;
        for (int k = 1; k <= points.size(); k++) {
            int step = k < points.size()
                    ? (int) Math.signum(series.value(points.get(k)) - series.value(points.get(k - 1)))
                    : 2;
            if (step == 0) {
                continue;
            }
            if (step == direction) {
                counted++;
                continue;
            }
            if (direction != 0 && counted >= options.runTrend()) {
                List<Integer> trend = points.subList(start, k);
                found.add(new Found(RuleId.TREND, trend, direction > 0 ? Side.HIGH : Side.LOW, "A trend: "
                        + Words.points(counted) + (direction > 0 ? " going up " : " going down ")
                        + words.span(trend)));
            }
            start = k - 1;
            direction = step;
            counted = 2;
        }
        return found;
    }

    /**
     * Astronomical points: those the team flags, and, when the options say so, those beyond the natural process
     * limits of an individuals chart of the segment's baseline (mean ± 2.66 × the average moving range), unless the
     * baseline never varies and those limits collapse onto its mean.
     */
    private List<Found> astronomical(SegmentPlan plan, double median, Set<Integer> flagged) {
        List<Double> baseline = plan.baseline().stream().map(series::value).toList();
        Double averageMovingRange = Limits.averageMovingRange(series, plan.baseline());
        double mean = Limits.mean(baseline);
        List<Found> found = new ArrayList<>();
        for (int i : plan.points()) {
            boolean byLimits = options.astronomicalByLimits() && averageMovingRange != null && averageMovingRange > 0
                    && Math.abs(series.value(i) - mean) > Limits.XMR_LIMIT * averageMovingRange;
            if (flagged.contains(i) || byLimits) {
                found.add(new Found(RuleId.ASTRONOMICAL_POINT, List.of(i), Runs.side(series, i, median),
                        "An astronomical point " + words.span(List.of(i)) + (flagged.contains(i)
                                ? ", flagged by the team"
                                : ", beyond the limits an individuals chart would draw")));
            }
        }
        return found;
    }

    private static List<Integer> useful(List<List<Integer>> runs) {
        return runs.stream().flatMap(List::stream).toList();
    }

    private static String times(int count) {
        return count == 1 ? "once" : count + " times";
    }
}
