package org.colearn.server.improvement.charts;

/**
 * The control limits of a funnel plot at one denominator: exact binomial limits around the overall proportion,
 * interpolated between whole counts (Spiegelhalter, Stat Med 2005), clipped to 0..1.
 *
 * @param denominator the denominator the limits are for
 * @param lower95 the lower 95% limit (2.5th percentile)
 * @param upper95 the upper 95% limit (97.5th percentile)
 * @param lower998 the lower 99.8% limit (0.1th percentile)
 * @param upper998 the upper 99.8% limit (99.9th percentile)
 */
public record FunnelLimits(double denominator, double lower95, double upper95, double lower998, double upper998) {
}
