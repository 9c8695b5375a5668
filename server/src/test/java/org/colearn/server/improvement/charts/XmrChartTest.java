package org.colearn.server.improvement.charts;

import static org.colearn.server.improvement.charts.Months.concat;
import static org.colearn.server.improvement.charts.Months.month;
import static org.colearn.server.improvement.charts.Months.repeat;
import static org.colearn.server.improvement.charts.Months.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Individuals charts against values worked out by hand, and the special-cause rules of NHS England's "Making Data
 * Count" (MDC): a point beyond the limits, 7 points on one side of the mean, 7 points increasing or decreasing, two
 * of three points beyond two sigma on the same side.
 */
class XmrChartTest {

    private static final double E = 1e-9;

    /**
     * The baseline worked by hand: 12 values summing to 138, so the mean is 11.5. The 11 moving ranges are
     * 2, 1, 2, 1, 1, 1, 2, 1, 2, 1, 1, summing to 15, so mR̄ = 15 / 11 = 1.363636…; the natural process limits are
     * 11.5 ± 2.66 × 1.363636… = 7.872727… and 15.127272…; two sigma is (2 / 3) × 2.66 × 1.363636… = 2.418181…,
     * so the two-sigma lines are 9.081818… and 13.918181…; the moving-range limit is 3.267 × 1.363636… = 4.455.
     */
    private static final double[] BASELINE = {10, 12, 11, 13, 12, 11, 10, 12, 11, 13, 12, 11};

    private static Chart xmr(double[] values) {
        return Charts.chart(ChartSpec.of(ChartType.XMR, values(values)).withBaseline(Baseline.firstPoints(12))
                .withBetter(Direction.UP));
    }

    @Test
    void naturalProcessLimitsComeFromTheMeanAndTheAverageMovingRange() {
        Chart chart = xmr(BASELINE);

        ChartPoint first = chart.points().get(0);
        assertEquals(11.5, first.centre(), E);
        assertEquals(11.5 + 2.66 * 15 / 11, first.upperLimit(), E);
        assertEquals(7.872727272727, first.lowerLimit(), 1e-9);
        assertEquals(15.127272727273, first.upperLimit(), 1e-9);
        assertEquals(13.918181818182, first.upperTwoSigma(), 1e-9);
        assertEquals(9.081818181818, first.lowerTwoSigma(), 1e-9);
        assertEquals(4.455, first.movingRangeUpperLimit(), 1e-9);
        assertNull(first.movingRange(), "the first point has no moving range");
        assertEquals(2.0, chart.points().get(1).movingRange(), E);
        assertEquals(15.0 / 11, chart.segments().get(0).averageMovingRange(), E);
        assertTrue(chart.judged());
        assertTrue(chart.signals().isEmpty());
        assertEquals(VariationIcon.COMMON_CAUSE, chart.variationIcon());
        assertEquals("Common cause variation only: no rule found a special cause.", chart.summary());
    }

    /**
     * A published example: D. C. Montgomery, "Introduction to Statistical Quality Control", 6th ed. (Wiley, 2009),
     * Example 6.5, the average weekly cost of processing mortgage loans over 20 weeks (Table 6.6): the book finds a
     * mean of 300.5 and an average moving range of 7.79, natural process limits of 279.78 and 321.22, and every week
     * within them.
     */
    @Test
    void montgomerysLoanProcessingCostsGiveThePublishedLimits() {
        double[] costs = {310, 288, 297, 298, 307, 303, 294, 297, 308, 306, 294, 299, 297, 299, 314, 295, 293, 306, 301, 304};
        Chart chart = Charts.chart(ChartSpec.of(ChartType.XMR, values(costs)).withBetter(Direction.DOWN));

        assertEquals(300.5, chart.segments().get(0).centre(), E);
        assertEquals(7.79, chart.segments().get(0).averageMovingRange(), 0.005);
        assertEquals(321.22, chart.points().get(0).upperLimit(), 0.005);
        assertEquals(279.78, chart.points().get(0).lowerLimit(), 0.005);
        assertTrue(chart.signals().stream().noneMatch(s -> s.rule() == RuleId.BEYOND_LIMITS), chart.summary());
    }

    @Test
    void aPointAboveTheUpperLimitIsASpecialCauseAndAnImprovementWhenHigherIsBetter() {
        Chart chart = xmr(concat(BASELINE, new double[] {16}));

        Signal signal = chart.signals().get(0);
        assertEquals(RuleId.BEYOND_LIMITS, signal.rule());
        assertEquals(List.of(month(12)), signal.periods());
        assertEquals(Variation.IMPROVING, signal.meaning());
        assertEquals(Variation.IMPROVING, chart.points().get(12).variation());
        assertEquals(List.of(RuleId.BEYOND_LIMITS), chart.points().get(12).rules());
        assertEquals(VariationIcon.IMPROVING_HIGH, chart.variationIcon());
        assertEquals("A point above the upper limit in January 2027, an improvement.", chart.summary());
    }

    @Test
    void aPointBelowTheLowerLimitIsAConcernWhenHigherIsBetter() {
        Chart chart = xmr(concat(BASELINE, new double[] {7}));

        assertEquals(VariationIcon.CONCERNING_LOW, chart.variationIcon());
        assertEquals("A point below the lower limit in January 2027, a concern.", chart.summary());
    }

    @Test
    void sevenPointsAboveTheMeanAreAShiftButSixAreNot() {
        // 12 lies above the mean of 11.5 and inside the two-sigma line of 13.918, so only the shift rule can fire.
        Chart six = xmr(concat(BASELINE, repeat(12, 6)));
        Chart seven = xmr(concat(BASELINE, repeat(12, 7)));

        assertTrue(six.signals().isEmpty(), six.summary());
        Signal shift = seven.signals().get(0);
        assertEquals(RuleId.SPC_SHIFT, shift.rule());
        assertEquals(7, shift.periods().size());
        assertEquals(month(12), shift.periods().get(0));
        assertEquals("A shift: 7 points above the baseline mean since January 2027, an improvement.",
                shift.sentence());
    }

    @Test
    void aPointOnTheMeanBreaksARunOnAnSpcChart() {
        Chart chart = xmr(concat(BASELINE, repeat(12, 3), new double[] {11.5}, repeat(12, 4)));

        assertTrue(chart.signals().isEmpty(), chart.summary());
    }

    @Test
    void sevenPointsEachHigherThanTheLastAreATrend() {
        // 9 to 12 by halves: five points below the mean, then one on it, so no shift; seven points, six steps up.
        Chart chart = xmr(concat(BASELINE, new double[] {9, 9.5, 10, 10.5, 11, 11.5, 12}));

        Signal trend = chart.signals().get(0);
        assertEquals(RuleId.SPC_TREND, trend.rule());
        assertEquals(7, trend.periods().size());
        assertEquals("A trend: 7 points increasing since January 2027, an improvement.", trend.sentence());
    }

    @Test
    void anUnchangedValueBreaksAnSpcTrend() {
        Chart chart = xmr(concat(BASELINE, new double[] {9, 9.5, 10, 10, 10.5, 11, 11.5}));

        assertTrue(chart.signals().stream().noneMatch(s -> s.rule() == RuleId.SPC_TREND), chart.summary());
    }

    @Test
    void twoOfThreePointsBeyondTwoSigmaOnOneSideAreASignalOfThoseTwoPoints() {
        // 14.5 and 14.2 lie between the two-sigma line (13.918) and the limit (15.127); 12 lies between them.
        Chart chart = xmr(concat(BASELINE, new double[] {14.5, 12, 14.2}));

        Signal signal = chart.signals().get(0);
        assertEquals(RuleId.TWO_OF_THREE, signal.rule());
        assertEquals(List.of(month(12), month(14)), signal.periods());
        assertEquals(Variation.COMMON_CAUSE, chart.points().get(13).variation(), "the point between is not part of it");
        assertEquals("Two of three points near the upper limit, beyond two sigma, since January 2027, an improvement.",
                signal.sentence());
    }

    @Test
    void twoPointsBeyondTwoSigmaOnOppositeSidesAreNoSignal() {
        Chart chart = xmr(concat(BASELINE, new double[] {14.5, 8.5, 12}));

        assertTrue(chart.signals().isEmpty(), chart.summary());
    }

    @Test
    void theAssuranceIconComparesTheGoalWithTheProcessLimits() {
        // Limits 7.87 to 15.13 (see BASELINE).
        ChartSpec higherBetter = ChartSpec.of(ChartType.XMR, values(BASELINE)).withBetter(Direction.UP);
        ChartSpec lowerBetter = higherBetter.withBetter(Direction.DOWN);

        assertEquals(AssuranceIcon.CONSISTENTLY_MET, Charts.chart(higherBetter.withGoal(7.0)).assuranceIcon());
        assertEquals(AssuranceIcon.HIT_AND_MISS, Charts.chart(higherBetter.withGoal(14.0)).assuranceIcon());
        assertEquals(AssuranceIcon.CONSISTENTLY_NOT_MET, Charts.chart(higherBetter.withGoal(16.0)).assuranceIcon());
        assertEquals(AssuranceIcon.CONSISTENTLY_MET, Charts.chart(lowerBetter.withGoal(16.0)).assuranceIcon());
        assertEquals(AssuranceIcon.CONSISTENTLY_NOT_MET, Charts.chart(lowerBetter.withGoal(7.0)).assuranceIcon());
        assertNull(Charts.chart(higherBetter.withBetter(Direction.NEITHER).withGoal(14.0)).assuranceIcon(),
                "no assurance without a better direction");
        assertEquals("Common cause variation only: no rule found a special cause. The goal of 14 lies between the"
                + " process limits: as it runs now, the process will meet it in some periods and miss it in others.",
                Charts.chart(higherBetter.withGoal(14.0)).summary());
    }

    @Test
    void aMissingMonthLeavesNoMovingRangeOnEitherSide() {
        Double[] withGap = {10.0, 12.0, 11.0, 13.0, 12.0, 11.0, null, 10.0, 12.0, 11.0, 13.0, 12.0, 11.0};
        Chart chart = Charts.chart(ChartSpec.of(ChartType.XMR, values(withGap)));

        // The same twelve values, but the range from 11 (June) to 10 (August) spans the gap and is not counted:
        // 10 ranges summing to 15 − 1 = 14, so mR̄ = 1.4.
        assertEquals(1.4, chart.segments().get(0).averageMovingRange(), E);
        assertEquals(11.5, chart.points().get(6).centre(), E, "the lines run on across the gap");
        assertNull(chart.points().get(6).value());
        assertNull(chart.points().get(6).variation());
        assertNull(chart.points().get(7).movingRange());
        assertEquals(List.of("No data for July 2026: it is left as a gap, not a zero, and the rules skip it."),
                chart.notes());
    }

    @Test
    void tooFewPointsForLimitsAreSaidRatherThanJudged() {
        Chart chart = Charts.chart(ChartSpec.of(ChartType.XMR, values(10.0, 11.0, 30.0, 10.0, 11.0)));

        assertFalse(chart.judged());
        assertTrue(chart.signals().isEmpty());
        assertNull(chart.variationIcon());
        assertNull(chart.points().get(2).variation());
        assertEquals("Too few points to judge: the limits rest on 5 points, and need at least 12.", chart.summary());
    }

    @Test
    void limitsAreRecalculatedFromAChangePoint() {
        double[] values = concat(BASELINE, new double[] {20, 22, 21, 23, 22, 21, 20, 22, 21, 23, 22, 21});
        Chart chart = Charts.chart(ChartSpec.of(ChartType.XMR, values(values)).withChangePoints(List.of(month(12))));

        assertEquals(2, chart.segments().size());
        assertEquals(11.5, chart.points().get(11).centre(), E);
        assertEquals(21.5, chart.points().get(12).centre(), E);
        assertNull(chart.points().get(12).movingRange(), "a new segment starts its moving ranges afresh");
        assertEquals(15.0 / 11, chart.segments().get(1).averageMovingRange(), E);
        assertTrue(chart.signals().isEmpty(), "each segment is judged against its own limits: " + chart.summary());
    }
}
