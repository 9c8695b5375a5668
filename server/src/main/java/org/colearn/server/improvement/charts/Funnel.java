package org.colearn.server.improvement.charts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * A funnel plot of proportions: limits from the binomial distribution around the overall proportion, interpolated
 * between whole counts so that they run smoothly with the denominator (Spiegelhalter, "Funnel plots for comparing
 * institutional performance", Statistics in Medicine 2005, appendix A.1.1). Denominators are counted as whole
 * opportunities, rounded to the nearest one.
 */
final class Funnel {

    /** Points on each limit curve drawn between the smallest and the largest denominator. */
    private static final int CURVE_POINTS = 60;

    private Funnel() {
    }

    static FunnelPlot plot(List<FunnelUnit> units, Direction better) {
        if (units.isEmpty()) {
            throw new IllegalArgumentException("A funnel plot needs at least one site");
        }
        Set<String> ids = new HashSet<>();
        double events = 0;
        double opportunities = 0;
        for (FunnelUnit unit : units) {
            if (!ids.add(unit.id())) {
                throw new IllegalArgumentException("Two sites are both called " + unit.id());
            }
            events += unit.numerator();
            opportunities += unit.denominator();
        }
        double overall = events / opportunities;
        List<FunnelPoint> points = new ArrayList<>();
        for (FunnelUnit unit : units) {
            FunnelLimits limits = limits(overall, unit.denominator());
            double proportion = unit.numerator() / unit.denominator();
            FunnelPosition position = position(proportion, limits);
            points.add(new FunnelPoint(unit.id(), unit.numerator(), unit.denominator(), proportion, limits, position,
                    meaning(position, better)));
        }
        return new FunnelPlot(overall, events, opportunities, points, curve(overall, units),
                summary(overall, points));
    }

    static FunnelLimits limits(double overall, double denominator) {
        return new FunnelLimits(denominator, limit(overall, denominator, 0.025), limit(overall, denominator, 0.975),
                limit(overall, denominator, 0.001), limit(overall, denominator, 0.999));
    }

    /** The p-th quantile of the proportion of Binomial(n, overall), interpolated between whole counts. */
    static double limit(double overall, double denominator, double p) {
        int n = (int) Math.max(1, Math.round(denominator));
        if (overall <= 0 || overall >= 1) {
            return overall;
        }
        BinomialDistribution binomial = new BinomialDistribution(null, n, overall);
        int r = binomial.inverseCumulativeProbability(p);
        double atR = binomial.cumulativeProbability(r);
        double belowR = binomial.cumulativeProbability(r - 1);
        double alpha = (atR - p) / (atR - belowR);
        return Math.min(1, Math.max(0, (r - alpha) / n));
    }

    private static FunnelPosition position(double proportion, FunnelLimits limits) {
        if (proportion > limits.upper998()) {
            return FunnelPosition.ABOVE_998;
        }
        if (proportion > limits.upper95()) {
            return FunnelPosition.ABOVE_95;
        }
        if (proportion < limits.lower998()) {
            return FunnelPosition.BELOW_998;
        }
        if (proportion < limits.lower95()) {
            return FunnelPosition.BELOW_95;
        }
        return FunnelPosition.WITHIN;
    }

    private static Variation meaning(FunnelPosition position, Direction better) {
        return switch (position) {
            case WITHIN -> Variation.COMMON_CAUSE;
            case ABOVE_95, ABOVE_998 -> Verdicts.meaning(Side.HIGH, better);
            case BELOW_95, BELOW_998 -> Verdicts.meaning(Side.LOW, better);
        };
    }

    /** Limits at whole denominators spread evenly on a log scale from the smallest site's to the largest's. */
    private static List<FunnelLimits> curve(double overall, List<FunnelUnit> units) {
        double smallest = units.stream().mapToDouble(FunnelUnit::denominator).min().orElseThrow();
        double largest = units.stream().mapToDouble(FunnelUnit::denominator).max().orElseThrow();
        Set<Long> denominators = new TreeSet<>();
        for (int k = 0; k < CURVE_POINTS; k++) {
            double step = CURVE_POINTS == 1 ? 0 : (double) k / (CURVE_POINTS - 1);
            denominators.add(Math.max(1, Math.round(smallest * Math.pow(largest / smallest, step))));
        }
        return denominators.stream().map(n -> limits(overall, n)).toList();
    }

    private static String summary(double overall, List<FunnelPoint> points) {
        String start = "Overall " + percent(overall) + " across " + points.size()
                + (points.size() == 1 ? " site. " : " sites. ");
        List<String> outside = new ArrayList<>();
        for (FunnelPoint point : points) {
            if (point.position() != FunnelPosition.WITHIN) {
                String where = switch (point.position()) {
                    case ABOVE_998 -> " lies above the 99.8% limit";
                    case ABOVE_95 -> " lies above the 95% limit";
                    case BELOW_998 -> " lies below the 99.8% limit";
                    default -> " lies below the 95% limit";
                };
                String verdict = switch (point.meaning()) {
                    case IMPROVING -> ", better than the others";
                    case CONCERNING -> ", worse than the others";
                    default -> "";
                };
                outside.add(point.id() + where + " (" + percent(point.proportion()) + ")" + verdict);
            }
        }
        if (outside.isEmpty()) {
            return start + "Every site lies within the 95% limits: the differences between them are what chance"
                    + " alone would give.";
        }
        return start + String.join("; ", outside) + (outside.size() < points.size()
                ? ". Every other site lies within the 95% limits."
                : ".");
    }

    private static String percent(double proportion) {
        return BigDecimal.valueOf(proportion * 100).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString() + "%";
    }
}
