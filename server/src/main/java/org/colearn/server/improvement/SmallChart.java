package org.colearn.server.improvement;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.colearn.server.improvement.charts.Chart;
import org.colearn.server.improvement.charts.ChartPoint;
import org.colearn.server.improvement.charts.RuleId;
import org.colearn.server.improvement.charts.Signal;
import org.colearn.server.improvement.charts.Variation;

/**
 * What a small multiple of the view across sites draws of one site's chart, and no more: the points, centre line and
 * limits as arrays with a value per period (numbers to six significant digits), where segments start, each point's
 * variation as one letter, the signals by the indices of their points, and the sentence of what the rules found. The
 * full chart (rules' definitions, two-sigma lines, moving ranges, entered values) is the site's chart, fetched when a
 * reader opens it.
 *
 * @param periods each point's period, in time order, missing periods included
 * @param values the plotted values, null where missing
 * @param centre the centre line at each point
 * @param lower the lower limit at each point; null where the chart has none
 * @param upper the upper limit at each point; null where the chart has none
 * @param segmentStarts the index of each segment's first point (0 first; more after change points)
 * @param variation one letter per point: {@code c} common cause, {@code i} improving, {@code w} concerning (worse),
 *     {@code n} neither, {@code -} not judged; upper case when a rule flagged the point
 * @param signals what the rules found, each by the indices of its points
 * @param goal the goal on the chart's scale; null when none
 * @param summary the sentence of what the rules found
 */
record SmallChart(
        List<LocalDate> periods,
        List<Double> values,
        List<Double> centre,
        List<Double> lower,
        List<Double> upper,
        List<Integer> segmentStarts,
        String variation,
        List<SmallSignal> signals,
        Double goal,
        String summary) {

    private static final MathContext DIGITS = new MathContext(6);

    /** A signal by the indices of its points, with the rule that found it and what it means for the measure. */
    record SmallSignal(RuleId rule, List<Integer> points, Variation meaning) {}

    static SmallChart of(Chart chart) {
        List<ChartPoint> points = chart.points();
        List<LocalDate> periods = new ArrayList<>(points.size());
        List<Double> values = new ArrayList<>(points.size());
        List<Double> centre = new ArrayList<>(points.size());
        List<Double> lower = new ArrayList<>(points.size());
        List<Double> upper = new ArrayList<>(points.size());
        List<Integer> starts = new ArrayList<>();
        StringBuilder variation = new StringBuilder(points.size());
        Map<LocalDate, Integer> index = new HashMap<>();
        for (int i = 0; i < points.size(); i++) {
            ChartPoint p = points.get(i);
            index.put(p.period(), i);
            periods.add(p.period());
            values.add(rounded(p.value()));
            centre.add(rounded(p.centre()));
            lower.add(rounded(p.lowerLimit()));
            upper.add(rounded(p.upperLimit()));
            if (i == 0 || p.segment() != points.get(i - 1).segment()) {
                starts.add(i);
            }
            char letter = letter(p.variation());
            variation.append(p.rules().isEmpty() ? letter : Character.toUpperCase(letter));
        }
        List<SmallSignal> signals = new ArrayList<>(chart.signals().size());
        for (Signal signal : chart.signals()) {
            signals.add(new SmallSignal(signal.rule(), signal.periods().stream().map(index::get).toList(), signal.meaning()));
        }
        return new SmallChart(periods, values, centre, lower, upper, starts, variation.toString(), signals,
                chart.goal(), chart.summary());
    }

    private static char letter(Variation variation) {
        if (variation == null) {
            return '-';
        }
        return switch (variation) {
            case COMMON_CAUSE -> 'c';
            case IMPROVING -> 'i';
            case CONCERNING -> 'w';
            case NEITHER -> 'n';
        };
    }

    private static Double rounded(Double value) {
        if (value == null || !Double.isFinite(value)) {
            return value;
        }
        return new BigDecimal(value).round(DIGITS).doubleValue();
    }
}
