package org.colearn.server.improvement.charts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;

/**
 * A funnel plot of proportions or of rates. Proportions: limits from the binomial distribution around the overall
 * proportion, interpolated between whole counts so that they run smoothly with the denominator (Spiegelhalter, "Funnel
 * plots for comparing institutional performance", Statistics in Medicine 2005, appendix A.1.1); denominators are
 * counted as whole opportunities, rounded to the nearest one. Rates (events over an exposure such as bed days): limits
 * from the Poisson distribution of the events expected at the overall rate, interpolated the same way (appendix
 * A.1.2), divided by the exposure.
 */
final class Funnel {

    /** Which distribution gives the limits. */
    private enum Model { BINOMIAL, POISSON }

    /** One site's events and opportunities or exposure, whichever model it is plotted with. */
    private record Unit(String id, double numerator, double denominator) {}

    /** Points on each limit curve drawn between the smallest and the largest denominator. */
    private static final int CURVE_POINTS = 60;

    private Funnel() {
    }

    static FunnelPlot plot(List<FunnelUnit> units, Direction better) {
        return plot(units.stream().map(u -> new Unit(u.id(), u.numerator(), u.denominator())).toList(), better,
                Model.BINOMIAL, Funnel::percent);
    }

    /**
     * A funnel plot of rates: each site's events over its exposure.
     *
     * @param perUnit the exposure a rate is shown per (1000 for "per 1000 bed days"), for the summary
     * @param unitWords the words after a shown rate ("per 1000 bed days")
     */
    static FunnelPlot ratePlot(List<RateUnit> units, Direction better, double perUnit, String unitWords) {
        return plot(units.stream().map(u -> new Unit(u.id(), u.events(), u.exposure())).toList(), better,
                Model.POISSON, rate -> number(rate * perUnit) + " " + unitWords);
    }

    private static FunnelPlot plot(List<Unit> units, Direction better, Model model,
            java.util.function.DoubleFunction<String> shown) {
        if (units.isEmpty()) {
            throw new IllegalArgumentException("A funnel plot needs at least one site");
        }
        Set<String> ids = new HashSet<>();
        double events = 0;
        double opportunities = 0;
        for (Unit unit : units) {
            if (!ids.add(unit.id())) {
                throw new IllegalArgumentException("Two sites are both called " + unit.id());
            }
            events += unit.numerator();
            opportunities += unit.denominator();
        }
        double overall = events / opportunities;
        List<FunnelPoint> points = new ArrayList<>();
        for (Unit unit : units) {
            FunnelLimits limits = limits(model, overall, unit.denominator());
            double proportion = unit.numerator() / unit.denominator();
            FunnelPosition position = position(proportion, limits);
            points.add(new FunnelPoint(unit.id(), unit.numerator(), unit.denominator(), proportion, limits, position,
                    meaning(position, better)));
        }
        return new FunnelPlot(overall, events, opportunities, points, curve(model, overall, units),
                summary(overall, points, shown));
    }

    private static FunnelLimits limits(Model model, double overall, double denominator) {
        if (model == Model.BINOMIAL) {
            return limits(overall, denominator);
        }
        return new FunnelLimits(denominator, poissonLimit(overall, denominator, 0.025),
                poissonLimit(overall, denominator, 0.975), poissonLimit(overall, denominator, 0.001),
                poissonLimit(overall, denominator, 0.999));
    }

    /**
     * The p-th quantile of the events of Poisson(rate × exposure), interpolated between whole counts as
     * Spiegelhalter's appendix A.1.2 does, over the exposure: a rate.
     */
    static double poissonLimit(double rate, double exposure, double p) {
        double expected = rate * exposure;
        if (expected <= 0) {
            return 0;
        }
        PoissonDistribution poisson = new PoissonDistribution(null, expected, PoissonDistribution.DEFAULT_EPSILON,
                PoissonDistribution.DEFAULT_MAX_ITERATIONS);
        int r = poisson.inverseCumulativeProbability(p);
        double atR = poisson.cumulativeProbability(r);
        double belowR = poisson.cumulativeProbability(r - 1);
        double alpha = (atR - p) / (atR - belowR);
        return Math.max(0, (r - alpha) / exposure);
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

    /**
     * Limits at denominators spread evenly on a log scale from the smallest site's to the largest's: whole ones for
     * proportions, any for exposures.
     */
    private static List<FunnelLimits> curve(Model model, double overall, List<Unit> units) {
        double smallest = units.stream().mapToDouble(Unit::denominator).min().orElseThrow();
        double largest = units.stream().mapToDouble(Unit::denominator).max().orElseThrow();
        if (model == Model.POISSON) {
            Set<Double> exposures = new TreeSet<>();
            for (int k = 0; k < CURVE_POINTS; k++) {
                exposures.add(smallest * Math.pow(largest / smallest, (double) k / (CURVE_POINTS - 1)));
            }
            return exposures.stream().map(e -> limits(model, overall, e)).toList();
        }
        Set<Long> denominators = new TreeSet<>();
        for (int k = 0; k < CURVE_POINTS; k++) {
            double step = CURVE_POINTS == 1 ? 0 : (double) k / (CURVE_POINTS - 1);
            denominators.add(Math.max(1, Math.round(smallest * Math.pow(largest / smallest, step))));
        }
        return denominators.stream().map(n -> limits(overall, n)).toList();
    }

    private static String summary(double overall, List<FunnelPoint> points,
            java.util.function.DoubleFunction<String> shown) {
        String start = "Overall " + shown.apply(overall) + " across " + points.size()
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
                outside.add(point.id() + where + " (" + shown.apply(point.proportion()) + ")" + verdict);
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

    private static String number(double value) {
        return BigDecimal.valueOf(value).setScale(value >= 100 ? 0 : 1, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    private static String percent(double proportion) {
        return BigDecimal.valueOf(proportion * 100).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString() + "%";
    }
}
