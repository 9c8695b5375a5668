package org.colearn.server.improvement.charts;

import java.time.LocalDate;

/**
 * A stretch of the chart with one centre line, from the start of the series or a change point to the next.
 *
 * @param index 0 for the first segment
 * @param from the first period of the segment
 * @param to the last period of the segment
 * @param points how many periods of the segment have a value
 * @param baselineFrom the first period whose value computed the centre line and limits
 * @param baselineTo the last such period
 * @param baselinePoints how many values computed them
 * @param centre the median (run chart), mean (XmR), or overall proportion, rate or count (P, P′, U, C); null
 *     when no point of the baseline has a value
 * @param averageMovingRange the average moving range of the baseline (XmR; P′ gives that of the z-scores); null
 *     for the others
 * @param sigmaZ Laney's sigma-z, the average moving range of the z-scores divided by 1.128 (P′, and on P charts
 *     to show whether P′ would suit better); null for the others
 * @param judged whether the segment had enough points for its rules to be applied: on a run chart, at least
 *     {@link RuleOptions#minimumRunPoints()} points with a value; on an SPC chart, limits resting on at least
 *     {@link RuleOptions#minimumSpcPoints()} points. When false its points raise no signals and the chart's notes
 *     say why
 * @param runs the counts behind the runs rules (run charts only); null for the others
 */
public record Segment(
        int index,
        LocalDate from,
        LocalDate to,
        int points,
        LocalDate baselineFrom,
        LocalDate baselineTo,
        int baselinePoints,
        Double centre,
        Double averageMovingRange,
        Double sigmaZ,
        boolean judged,
        RunAnalysis runs) {
}
