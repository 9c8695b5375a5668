package org.colearn.server.improvement.charts;

/** Which chart to draw, and so which centre line, limits and rules apply. */
public enum ChartType {
    /**
     * A run chart: the median and the run-chart rules of healthcare improvement (shift, trend, runs,
     * astronomical point) and Anhøj's rules; no limits. Suits any measure, even with few points.
     */
    RUN,
    /** An individuals chart with a moving-range chart: continuous values, days between events, any single value. */
    XMR,
    /** A P chart of proportions: each observation's value is a numerator and needs its denominator. */
    P,
    /**
     * Laney's P′ chart: a P chart whose limits are widened (or narrowed) by the variation between periods, for
     * proportions with large denominators where P-chart limits become too tight to be useful.
     */
    P_PRIME,
    /** A C chart of counts of events in equal opportunities (the same area of opportunity each period). */
    C,
    /** A U chart of rates: each observation's value is a count and its denominator the exposure. */
    U;

    /** Whether each observation needs a denominator: P, P′ and U. */
    public boolean needsDenominator() {
        return this == P || this == P_PRIME || this == U;
    }

    /** Whether the chart has process limits and the "Making Data Count" special-cause rules (all but the run chart). */
    public boolean isControlChart() {
        return this != RUN;
    }
}
