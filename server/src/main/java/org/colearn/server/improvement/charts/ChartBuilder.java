package org.colearn.server.improvement.charts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Computes a chart: segments and their lines, the rules' signals, each point's variation, the icons, the words. */
final class ChartBuilder {

    private final ChartSpec spec;
    private final Series series;
    private final Words words;
    private final Lines lines;
    private final List<SegmentPlan> plans;

    private ChartBuilder(ChartSpec spec) {
        this.spec = spec;
        this.series = Series.of(spec.type(), spec.observations(), spec.events());
        this.words = new Words(series);
        this.lines = new Lines(series.size());
        this.plans = SegmentPlan.plan(series, spec.baseline(), spec.changePoints());
    }

    /** The sigma-z above which a P chart's periods vary more than the binomial allows: 20% more, a usual rule of thumb. */
    static final double OVERDISPERSED = 1.2;

    static Chart build(ChartSpec spec) {
        return new ChartBuilder(spec).build();
    }

    private Chart build() {
        List<Segment> segments = new ArrayList<>();
        List<Found> found = new ArrayList<>();
        List<String> tooFew = new ArrayList<>();
        Set<Integer> flagged = flaggedAstronomical();
        for (SegmentPlan plan : plans) {
            SegmentLines segmentLines = Limits.fill(spec.type(), series, plan, lines);
            boolean judged = judged(plan, segmentLines);
            RunAnalysis runs = spec.type() == ChartType.RUN && segmentLines.centre() != null
                    ? RunRules.analyse(series, plan, segmentLines.centre())
                    : null;
            if (judged) {
                found.addAll(spec.type() == ChartType.RUN
                        ? new RunRules(series, words, spec.options()).find(plan, segmentLines.centre(), runs,
                                centreName(plan), flagged)
                        : new SpecialCauseRules(series, lines, words, spec.options()).find(plan, centreName(plan)));
            } else if (!plan.points().isEmpty()) {
                tooFew.add(tooFew(plan));
            }
            segments.add(segment(plan, segmentLines, judged, runs));
        }
        found.sort(Comparator.comparing((Found f) -> f.indices().get(0)).thenComparing(Found::rule));
        List<Signal> signals = found.stream().map(this::signal).toList();
        Variation[] variations = variations(segments, found);
        Side[] sides = sides(found);
        List<ChartPoint> points = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            points.add(point(i, variations[i], rulesAt(found, i)));
        }
        int latest = latest();
        VariationIcon variationIcon = null;
        AssuranceIcon assuranceIcon = null;
        if (spec.type().isControlChart() && latest >= 0 && variations[latest] != null) {
            variationIcon = Verdicts.variationIcon(variations[latest], sideOf(latest, sides[latest]));
            if (spec.goal() != null && spec.better() != Direction.NEITHER && lines.upper[latest] != null) {
                assuranceIcon = Verdicts.assuranceIcon(spec.goal(), lines.lower[latest], lines.upper[latest],
                        spec.better());
            }
        }
        boolean judged = segments.stream().anyMatch(Segment::judged);
        List<String> notes = new ArrayList<>(tooFew);
        notes.addAll(Summary.missing(series, words));
        overdispersed(segments).ifPresent(notes::add);
        String summary = Summary.of(spec, judged, signals, assuranceIcon, tooFew, words);
        return new Chart(spec.type(), spec.better(), spec.goal(), points, segments, Legend.of(spec.type(),
                spec.options()), signals, variationIcon, assuranceIcon, judged, summary, notes);
    }

    /**
     * On a P chart whose latest judged segment varies more than the binomial expects (Laney's sigma-z above
     * {@link #OVERDISPERSED}, as it often is with large denominators), a note that its limits are too narrow and that
     * Laney's P′ chart allows for the variation between periods.
     */
    private Optional<String> overdispersed(List<Segment> segments) {
        if (spec.type() != ChartType.P) {
            return Optional.empty();
        }
        return segments.stream().filter(Segment::judged).reduce((first, second) -> second)
                .map(Segment::sigmaZ)
                .filter(sigmaZ -> sigmaZ > OVERDISPERSED)
                .map(sigmaZ -> String.format(Locale.ROOT, "The periods vary %.1f times as much as a P chart expects"
                        + " (Laney's sigma-z), as they often do with large denominators: its limits are too narrow and"
                        + " flag common cause variation. Laney's P′ chart widens them by that variation.", sigmaZ));
    }

    private boolean judged(SegmentPlan plan, SegmentLines segmentLines) {
        if (segmentLines.centre() == null) {
            return false;
        }
        if (spec.type() == ChartType.RUN) {
            return plan.points().size() >= spec.options().minimumRunPoints();
        }
        boolean limits = spec.type() != ChartType.XMR || segmentLines.averageMovingRange() != null;
        return limits && plan.baseline().size() >= spec.options().minimumSpcPoints();
    }

    private String tooFew(SegmentPlan plan) {
        String where = plans.size() == 1 ? "" : " from " + words.period(plan.from());
        if (spec.type() == ChartType.RUN) {
            return "Too few points to judge" + where + ": " + Words.points(plan.points().size())
                    + " with a value, and the run-chart rules need at least " + spec.options().minimumRunPoints()
                    + ".";
        }
        return "Too few points to judge" + where + ": the limits rest on " + Words.points(plan.baseline().size())
                + ", and need at least " + spec.options().minimumSpcPoints() + ".";
    }

    private String centreName(SegmentPlan plan) {
        String line = spec.type() == ChartType.RUN ? "median" : "mean";
        return plan.index() == 0 ? "the baseline " + line : "the recalculated " + line;
    }

    private Set<Integer> flaggedAstronomical() {
        Set<Integer> flagged = new HashSet<>();
        for (int i = 0; i < series.size(); i++) {
            if (series.present(i) && spec.astronomical().contains(series.observations.get(i).period())) {
                flagged.add(i);
            }
        }
        return flagged;
    }

    private Segment segment(SegmentPlan plan, SegmentLines segmentLines, boolean judged, RunAnalysis runs) {
        List<Integer> baseline = plan.baseline();
        LocalDate baselineFrom = baseline.isEmpty() ? null : series.observations.get(baseline.get(0)).period();
        LocalDate baselineTo = baseline.isEmpty()
                ? null
                : series.observations.get(baseline.get(baseline.size() - 1)).period();
        return new Segment(plan.index(), series.observations.get(plan.from()).period(),
                series.observations.get(plan.to() - 1).period(), plan.points().size(), baselineFrom, baselineTo,
                baseline.size(), segmentLines.centre(), segmentLines.averageMovingRange(), segmentLines.sigmaZ(),
                judged, runs);
    }

    private Signal signal(Found f) {
        Variation meaning = Verdicts.meaning(f.side(), spec.better());
        String verdict = switch (meaning) {
            case IMPROVING -> ", an improvement.";
            case CONCERNING -> ", a concern.";
            default -> ".";
        };
        List<LocalDate> periods = f.indices().stream().map(i -> series.observations.get(i).period()).toList();
        return new Signal(f.rule(), periods, f.side(), meaning, f.text() + verdict);
    }

    /**
     * Each point's variation: common cause in a judged segment unless a signal with a side includes it, then
     * improvement or concern by which side of the centre line the point lies on, as "Making Data Count" colours
     * points; null for missing points and points of segments too short to judge.
     */
    private Variation[] variations(List<Segment> segments, List<Found> found) {
        Variation[] variations = new Variation[series.size()];
        for (SegmentPlan plan : plans) {
            if (segments.get(plan.index()).judged()) {
                plan.points().forEach(i -> variations[i] = Variation.COMMON_CAUSE);
            }
        }
        for (Found f : found) {
            if (f.side() == Side.NONE) {
                continue;
            }
            for (int i : f.indices()) {
                variations[i] = Verdicts.meaning(sideOf(i, f.side()), spec.better());
            }
        }
        return variations;
    }

    private Side[] sides(List<Found> found) {
        Side[] sides = new Side[series.size()];
        for (Found f : found) {
            if (f.side() != Side.NONE) {
                f.indices().forEach(i -> sides[i] = f.side());
            }
        }
        return sides;
    }

    /** The side of the centre line a point lies on; on the line, the side of the signal that includes it. */
    private Side sideOf(int i, Side signalSide) {
        double value = series.value(i);
        double centre = lines.centre[i];
        if (value != centre) {
            return value > centre ? Side.HIGH : Side.LOW;
        }
        return signalSide == null ? Side.HIGH : signalSide;
    }

    private static List<RuleId> rulesAt(List<Found> found, int i) {
        Set<RuleId> rules = new TreeSet<>();
        for (Found f : found) {
            if (f.side() != Side.NONE && f.indices().contains(i)) {
                rules.add(f.rule());
            }
        }
        return List.copyOf(rules);
    }

    private ChartPoint point(int i, Variation variation, List<RuleId> rules) {
        Observation o = series.observations.get(i);
        SegmentPlan plan = plans.stream().filter(p -> i >= p.from() && i < p.to()).findFirst().orElseThrow();
        return new ChartPoint(o.period(), series.plotted[i], o.value(),
                spec.type().needsDenominator() ? o.denominator() : null, plan.index(), plan.inBaseline(i),
                lines.centre[i], lines.lower[i], lines.upper[i], lines.lowerTwoSigma[i], lines.upperTwoSigma[i],
                lines.movingRange[i], lines.movingRangeUpper[i], series.present(i) ? variation : null, rules);
    }

    private int latest() {
        for (int i = series.size() - 1; i >= 0; i--) {
            if (series.present(i)) {
                return i;
            }
        }
        return -1;
    }
}
