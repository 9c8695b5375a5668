package org.colearn.server.improvement.charts;

/** A rule that can find a signal on a chart. */
public enum RuleId {
    /** Run chart: a run of points on one side of the median (points on the median are skipped). */
    SHIFT,
    /** Run chart: points all going up or all going down (equal neighbours neither make nor break it). */
    TREND,
    /** Run chart: fewer runs than chance allows for the useful points (see {@code RunsTable}). */
    TOO_FEW_RUNS,
    /** Run chart: more runs than chance allows for the useful points (see {@code RunsTable}). */
    TOO_MANY_RUNS,
    /** Run chart: a blatantly different value, flagged by the team or beyond individuals-chart limits. */
    ASTRONOMICAL_POINT,
    /** Anhøj: the longest run is longer than round(log2(n)) + 3 useful points. */
    LONGEST_RUN,
    /** Anhøj: the median is crossed fewer times than the 5th percentile of Binomial(n − 1, 0.5). */
    FEW_CROSSINGS,
    /** SPC: a point beyond a process limit. */
    BEYOND_LIMITS,
    /** SPC: a run of points on one side of the mean (points on the mean break the run). */
    SPC_SHIFT,
    /** SPC: points all increasing or all decreasing (an unchanged value breaks the trend). */
    SPC_TREND,
    /** SPC: two of three points in a row beyond two sigma, on the same side of the mean. */
    TWO_OF_THREE
}
