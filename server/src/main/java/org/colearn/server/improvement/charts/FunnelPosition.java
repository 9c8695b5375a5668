package org.colearn.server.improvement.charts;

/** Where a site lies on a funnel plot against the limits at its denominator. */
public enum FunnelPosition {
    WITHIN,
    /** Above the 95% limit but within the 99.8% limit. */
    ABOVE_95,
    /** Above the 99.8% limit. */
    ABOVE_998,
    /** Below the 95% limit but within the 99.8% limit. */
    BELOW_95,
    /** Below the 99.8% limit. */
    BELOW_998
}
