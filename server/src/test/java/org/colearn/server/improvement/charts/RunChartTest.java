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
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Run charts: the rules of Perla, Provost &amp; Murray, "The run chart: a simple analytical tool for learning from
 * variation in healthcare processes", BMJ Qual Saf 2011;20:46–51, and Anhøj's rules as qicharts2 applies them
 * (Anhøj &amp; Olesen, PLoS ONE 2014;9(11):e113825). Expected values are worked out in the comments.
 */
class RunChartTest {

    /** Sorted: 10 10 11 11 11 11 12 12 12 12 13 13, so the median is (11 + 12) / 2 = 11.5. */
    private static final double[] BASELINE = {10, 12, 11, 13, 12, 11, 10, 12, 11, 13, 12, 11};

    private static ChartSpec run(double[] values) {
        return ChartSpec.of(ChartType.RUN, values(values)).withBaseline(Baseline.firstPoints(12))
                .withBetter(Direction.UP);
    }

    private static List<RuleId> rules(Chart chart) {
        return chart.signals().stream().map(Signal::rule).toList();
    }

    @Test
    void theBaselineMedianRunsOnAcrossLaterPoints() {
        Chart chart = Charts.chart(run(concat(BASELINE, new double[] {20, 1})));

        assertEquals(11.5, chart.segments().get(0).centre());
        assertEquals(11.5, chart.points().get(13).centre());
        assertTrue(chart.points().get(11).baseline());
        assertFalse(chart.points().get(12).baseline());
        assertNull(chart.points().get(0).upperLimit(), "a run chart has no limits");
    }

    @Test
    void sixPointsAboveTheMedianAreAShift() {
        Chart chart = Charts.chart(run(concat(BASELINE, repeat(12, 6))));

        assertEquals(List.of(RuleId.SHIFT), rules(chart));
        assertEquals("A shift: 6 points above the baseline median since January 2027, an improvement.",
                chart.summary());
        assertEquals(Variation.IMPROVING, chart.points().get(17).variation());
        assertNull(chart.variationIcon(), "the Making Data Count icons belong to SPC charts");
    }

    @Test
    void fivePointsAboveTheMedianAreNoShift() {
        Chart chart = Charts.chart(run(concat(BASELINE, repeat(12, 5))));

        assertEquals(List.of(), rules(chart));
        assertEquals("No signal: the points vary around the median as chance alone would have them.",
                chart.summary());
    }

    @Test
    void aPointOnTheMedianNeitherAddsToNorBreaksAShift() {
        Chart chart = Charts.chart(run(concat(BASELINE, new double[] {12, 12, 12, 11.5, 12, 12, 12})));

        Signal shift = chart.signals().get(0);
        assertEquals(RuleId.SHIFT, shift.rule());
        assertEquals(6, shift.periods().size());
        assertFalse(shift.periods().contains(month(15)), "the point on the median is not part of the shift");
    }

    @Test
    void aShiftCanBeOfEightPointsWhenTheFacilitatorChoosesIt() {
        ChartSpec spec = run(concat(BASELINE, repeat(12, 7)));
        RuleOptions eight = RuleOptions.defaults().withRunShift(8);

        assertEquals(List.of(RuleId.SHIFT), rules(Charts.chart(spec)));
        assertEquals(List.of(), rules(Charts.chart(spec.withOptions(eight))));
        assertTrue(Charts.chart(spec.withOptions(eight)).rules().stream()
                .anyMatch(r -> r.definition().startsWith("8 or more points in a row")), "the legend says 8");
    }

    @Test
    void fivePointsGoingUpAreATrendAndARepeatedValueIsNotCounted() {
        // After the baseline's last 11: 10, 10.5, 10.5, 11, 12, 13. Counting the repeated 10.5 once: 10, 10.5, 11,
        // 12, 13 are five points going up. The five below the median (with the baseline's 11) are no shift of 6.
        Chart chart = Charts.chart(run(concat(BASELINE, new double[] {10, 10.5, 10.5, 11, 12, 13})));

        assertEquals(List.of(RuleId.TREND), rules(chart));
        Signal trend = chart.signals().get(0);
        assertEquals(6, trend.periods().size(), "the repeated value lies inside the trend");
        assertEquals("A trend: 5 points going up since January 2027, an improvement.", trend.sentence());
    }

    @Test
    void fourPointsGoingUpAreNoTrend() {
        Chart chart = Charts.chart(run(concat(BASELINE, new double[] {10, 10.5, 11, 12})));

        assertEquals(List.of(), rules(chart));
    }

    @Test
    void twoRunsOfTenAreTooFewRunsAnUnusuallyLongRunAndTooFewCrossings() {
        // Ten of 1 and 2, then ten of 5 and 6: median (2 + 5) / 2 = 3.5, 20 useful points, 2 runs, 1 crossing.
        // Swed & Eisenhart's exact limits for 10 points above and 10 below: fewer than 7 runs are too few, more than 15
        // too many (RunsTableTest).
        // Anhøj: longest run limit round(log2(20)) + 3 = round(4.32) + 3 = 7; fewest crossings
        // qbinom(0.05, 19, 0.5) = 6, since P(X ≤ 5) = 16,664 / 524,288 = 0.032 and P(X ≤ 6) = 43,796 / 524,288 = 0.084.
        double[] values = {1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 5, 6, 5, 6, 5, 6, 5, 6, 5, 6};
        Chart chart = Charts.chart(ChartSpec.of(ChartType.RUN, values(values)));

        assertEquals(new RunAnalysis(20, 2, 7, 15, 10, 7, 1, 6), chart.segments().get(0).runs());
        assertEquals(Set.of(RuleId.SHIFT, RuleId.TOO_FEW_RUNS, RuleId.LONGEST_RUN, RuleId.FEW_CROSSINGS),
                Set.copyOf(rules(chart)));
        assertTrue(chart.summary().contains("Too few runs: 2 runs in 20 points off the baseline median, where at"
                + " least 7 are expected by chance."), chart.summary());
        assertTrue(chart.summary().contains("Unusually few crossings: the points cross the baseline median once,"
                + " fewer than the 6 expected at least."), chart.summary());
        assertTrue(chart.summary().contains("An unusually long run: 10 points in a row below the baseline median"
                + " from January 2026 to October 2026, more than the 7 expected at most."), chart.summary());
    }

    @Test
    void pointsAlternatingAboutTheMedianAreTooManyRuns() {
        // 1 and 2 alternating: median 1.5, 20 runs in 20 useful points, more than the 15 chance allows.
        double[] values = new double[20];
        for (int i = 0; i < 20; i++) {
            values[i] = 1 + i % 2;
        }
        Chart chart = Charts.chart(ChartSpec.of(ChartType.RUN, values(values)));

        assertEquals(List.of(RuleId.TOO_MANY_RUNS), rules(chart));
        assertEquals("Too many runs: 20 runs in 20 points off the baseline median, where at most 15 are expected by"
                + " chance.", chart.summary());
        assertTrue(chart.points().stream().allMatch(p -> p.variation() == Variation.COMMON_CAUSE),
                "a signal about the whole series colours no single point");
    }

    @Test
    void sixteenRunsInTwentyPointsAreTooManyThoughThePublishedHealthcareTableAllowsThem() {
        // 10 points above and 10 below the median 1.5 in 16 runs (2, 2, then twelve of 1, then 2, 2): P(R ≥ 16) =
        // 3,422 / 184,756 = 1.9%, inside the 2.5% tail, where Perla's table would allow up to 16.
        double[] all = {2, 2, 1, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 2, 1, 1};
        Chart chart = Charts.chart(ChartSpec.of(ChartType.RUN, values(all)));

        assertEquals(16, chart.segments().get(0).runs().runs());
        assertEquals(List.of(RuleId.TOO_MANY_RUNS), rules(chart));
        assertEquals("Too many runs: 16 runs in 20 points off the baseline median, where at most 15 are expected by"
                + " chance.", chart.summary());
    }

    @Test
    void anhojsLimitsFollowTheNumberOfUsefulPoints() {
        // Anhøj & Olesen 2014, table of limits: 10 points, longest run 6 and fewest crossings 2 (P(X ≤ 1) =
        // 10/512 = 0.020, P(X ≤ 2) = 46/512 = 0.090); 24 points, 8 and 8 (P(X ≤ 7) = 390,656 / 8,388,608 = 0.047,
        // P(X ≤ 8) = 880,970 / 8,388,608 = 0.105).
        assertEquals(6, RunRules.longestRunLimit(10));
        assertEquals(2, RunRules.fewestCrossings(10));
        assertEquals(8, RunRules.longestRunLimit(24));
        assertEquals(8, RunRules.fewestCrossings(24));
    }

    @Test
    void anhojFlagsARunOfNineInTwentyFourPointsButNotARunOfEight() {
        // Runs of 1, 1, 1, 9, 1, 1, 1, 1 and 8 points: 12 ones and 12 threes, median 2, 9 runs and 8 crossings
        // (not fewer than 8); only the run of 9 is longer than 8.
        double[] values = concat(new double[] {1, 3, 1}, repeat(3, 9), new double[] {1, 3, 1, 3}, repeat(1, 8));
        ChartSpec spec = ChartSpec.of(ChartType.RUN, values(values))
                .withOptions(RuleOptions.defaults().withRunRuleSets(Set.of(RunRuleSet.ANHOJ)));
        Chart chart = Charts.chart(spec);

        assertEquals(new RunAnalysis(24, 9, 8, 18, 9, 8, 8, 8), chart.segments().get(0).runs());
        assertEquals(List.of(RuleId.LONGEST_RUN), rules(chart));
        assertEquals(List.of(month(3), month(11)), List.of(chart.signals().get(0).periods().get(0),
                chart.signals().get(0).periods().get(8)));
        assertEquals(List.of(RuleId.LONGEST_RUN, RuleId.FEW_CROSSINGS),
                chart.rules().stream().map(AppliedRule::id).toList(), "the legend names only Anhøj's rules");
    }

    @Test
    void theTeamFlagsAnAstronomicalPoint() {
        Chart chart = Charts.chart(run(BASELINE).withAstronomical(Set.of(month(3))));

        assertEquals(List.of(RuleId.ASTRONOMICAL_POINT), rules(chart));
        assertEquals("An astronomical point in April 2026, flagged by the team, an improvement.", chart.summary());
    }

    @Test
    void aPointBeyondTheLimitsOfAnIndividualsChartIsAstronomical() {
        // Individuals limits of the baseline: 11.5 ± 2.66 × 15/11 = 7.87 to 15.13; 30 lies far beyond.
        Chart chart = Charts.chart(run(concat(BASELINE, new double[] {30})));

        assertEquals(List.of(RuleId.ASTRONOMICAL_POINT), rules(chart));
        assertEquals("An astronomical point in January 2027, beyond the limits an individuals chart would draw,"
                + " an improvement.", chart.summary());
        assertEquals(List.of(), rules(Charts.chart(run(concat(BASELINE, new double[] {30}))
                .withOptions(RuleOptions.defaults().withAstronomicalByLimits(false)))));
    }

    @Test
    void tooFewPointsAreSaidRatherThanJudged() {
        Chart chart = Charts.chart(ChartSpec.of(ChartType.RUN, values(1.0, 2.0, 3.0, 4.0, 5.0, 6.0)));

        assertFalse(chart.judged());
        assertEquals(List.of(), chart.signals(), "six points going up are not judged a trend yet");
        assertEquals("Too few points to judge: 6 points with a value, and the run-chart rules need at least 10.",
                chart.summary());
    }

    @Test
    void missingMonthsAreGapsThatNeitherCountNorBreakAShift() {
        Double[] values = {10.0, 12.0, 11.0, 13.0, 12.0, 11.0, 10.0, 12.0, 11.0, 13.0, 12.0, 11.0,
            12.0, 12.0, null, 12.0, 12.0, null, 12.0, 12.0};
        Chart chart = Charts.chart(ChartSpec.of(ChartType.RUN, values(values)).withBaseline(Baseline.firstPoints(12)));

        assertEquals(11.5, chart.segments().get(0).centre());
        Signal shift = chart.signals().get(0);
        assertEquals(RuleId.SHIFT, shift.rule());
        assertEquals(6, shift.periods().size());
        assertNull(chart.points().get(14).value(), "missing, not zero");
        assertEquals(List.of("No data for 2 periods, March 2027 and June 2027: they are left as gaps, not zeros, and"
                + " the rules skip them."), chart.notes());
    }

    @Test
    void aChangePointStartsANewMedianAgainstWhichLaterPointsAreJudged() {
        double[] values = concat(BASELINE, new double[] {20, 22, 21, 23, 22, 21, 20, 22, 21, 23, 22, 21, 25, 25,
            25, 25, 25, 25});
        Chart chart = Charts.chart(run(values).withChangePoints(List.of(month(12))));

        assertEquals(2, chart.segments().size());
        // The later segment's 18 values sorted: 20 20 21 21 21 21 22 22 22 22 23 23 25 25 25 25 25 25; median 22.
        assertEquals(22.0, chart.segments().get(1).centre(), "all points of a later segment make its median");
        assertEquals(List.of(RuleId.SHIFT), rules(chart));
        assertEquals("A shift: 6 points above the recalculated median since January 2028, an improvement.",
                chart.summary());
    }

    @Test
    void aBaselineCanBeARangeOfPeriods() {
        Chart chart = Charts.chart(ChartSpec.of(ChartType.RUN, values(concat(BASELINE, repeat(40, 3))))
                .withBaseline(Baseline.between(month(0), month(11))));

        assertEquals(11.5, chart.segments().get(0).centre());
        assertEquals(month(11), chart.segments().get(0).baselineTo());
        assertEquals(12, chart.segments().get(0).baselinePoints());
    }
}
