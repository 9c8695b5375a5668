package org.colearn.server.improvement.charts;

import java.util.List;

/**
 * The one way into the chart calculations: a run or SPC chart of one series, or a funnel plot of many sites.
 * Stateless and thread-safe; pure functions of their arguments.
 */
public final class Charts {

    private Charts() {
    }

    /**
     * Computes the chart of a series: its segments, centre lines and limits per point, the rules applied, the
     * signals they find, the icons and the summary.
     *
     * @throws IllegalArgumentException when the series cannot be charted as asked, with a message a person can act
     *     on: two observations of one period, periods out of order, a negative count, a numerator above its
     *     denominator on a P chart
     */
    public static Chart chart(ChartSpec spec) {
        return ChartBuilder.build(spec);
    }

    /**
     * Computes a funnel plot of sites' proportions.
     *
     * @param better which direction is better, to tell improvement from concern in the summary
     * @throws IllegalArgumentException when there is no site or two sites share an id
     */
    public static FunnelPlot funnel(List<FunnelUnit> units, Direction better) {
        return Funnel.plot(units, better);
    }

    /**
     * Computes a funnel plot of sites' rates, with Poisson limits around the overall rate. The plot's
     * {@code proportion}s, {@code overall} and limits are then rates per one unit of exposure.
     *
     * @param perUnit the exposure a rate is shown per in the summary (1000 for "per 1000 bed days")
     * @param unitWords the words after a rate in the summary ("per 1000 bed days")
     * @throws IllegalArgumentException when there is no site or two sites share an id
     */
    public static FunnelPlot rateFunnel(List<RateUnit> units, Direction better, double perUnit, String unitWords) {
        return Funnel.ratePlot(units, better, perUnit, unitWords);
    }
}
