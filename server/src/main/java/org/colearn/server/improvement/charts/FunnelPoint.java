package org.colearn.server.improvement.charts;

/**
 * One site on a funnel plot.
 *
 * @param id the caller's name for the site
 * @param numerator events
 * @param denominator opportunities
 * @param proportion numerator / denominator
 * @param limits the limits at the site's denominator
 * @param position where the site lies against them
 * @param meaning improvement or concern when beyond the 95% limits and a direction is better;
 *     {@link Variation#COMMON_CAUSE} within them
 */
public record FunnelPoint(
        String id,
        double numerator,
        double denominator,
        double proportion,
        FunnelLimits limits,
        FunnelPosition position,
        Variation meaning) {
}
