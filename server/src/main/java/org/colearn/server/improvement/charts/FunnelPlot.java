package org.colearn.server.improvement.charts;

import java.util.List;

/**
 * A funnel plot of sites' proportions: the overall proportion, each site against the limits at its denominator,
 * the limit curves to draw, and a sentence of what it shows.
 *
 * @param overall the overall proportion, total numerator / total denominator
 * @param numerator the total numerator
 * @param denominator the total denominator
 * @param units the sites, in the order given
 * @param curve the limits at denominators from the smallest to the largest site's, for drawing the funnel
 * @param summary in plain English: how many sites lie beyond which limit, naming them
 */
public record FunnelPlot(
        double overall,
        double numerator,
        double denominator,
        List<FunnelPoint> units,
        List<FunnelLimits> curve,
        String summary) {

    public FunnelPlot {
        units = List.copyOf(units);
        curve = List.copyOf(curve);
    }
}
