package org.colearn.server.improvement.charts;

import static org.colearn.server.improvement.charts.Months.concat;
import static org.colearn.server.improvement.charts.Months.month;
import static org.colearn.server.improvement.charts.Months.ratios;
import static org.colearn.server.improvement.charts.Months.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * P, Laney's P′, C and U charts against values worked out by hand. P′ follows D. B. Laney, "Improved control charts
 * for attributes", Quality Engineering 14(4), 2002: z-scores against the P chart's sigma, sigma-z = the average
 * moving range of the z-scores / 1.128, limits p̄ ± 3 σ(p) σz.
 */
class AttributeChartTest {

    private static final double E = 1e-9;

    /**
     * Months alternate 100 and 400 patients; the small months screen 18 and 22 in turn, the large ones 80. Totals:
     * 120 + 480 = 600 of 600 + 2,400 = 3,000, so p̄ = 0.2. σ(p) = √(0.2 × 0.8 / n): 0.04 for 100 patients (limits
     * 0.08 and 0.32, two sigma 0.12 and 0.28) and 0.02 for 400 (limits 0.14 and 0.26).
     */
    private static final double[] SCREENED = {18, 80, 22, 80, 18, 80, 22, 80, 18, 80, 22, 80};
    private static final double[] PATIENTS = {100, 400, 100, 400, 100, 400, 100, 400, 100, 400, 100, 400};

    @Test
    void pChartLimitsWidenForSmallDenominatorsAndNarrowForLargeOnes() {
        Chart chart = Charts.chart(ChartSpec.of(ChartType.P, ratios(SCREENED, PATIENTS)));

        assertEquals(0.2, chart.segments().get(0).centre(), E);
        ChartPoint small = chart.points().get(0);
        ChartPoint large = chart.points().get(1);
        assertEquals(0.18, small.value(), E);
        assertEquals(18.0, small.numerator());
        assertEquals(100.0, small.denominator());
        assertEquals(0.08, small.lowerLimit(), E);
        assertEquals(0.32, small.upperLimit(), E);
        assertEquals(0.12, small.lowerTwoSigma(), E);
        assertEquals(0.28, small.upperTwoSigma(), E);
        assertEquals(0.14, large.lowerLimit(), E);
        assertEquals(0.26, large.upperLimit(), E);
        assertTrue(chart.signals().isEmpty(), chart.summary());
    }

    /**
     * A published example: D. C. Montgomery, "Introduction to Statistical Quality Control", 6th ed. (Wiley, 2009),
     * Example 7.1, 30 samples of 50 cans of frozen orange juice concentrate, 347 of them nonconforming (Table 7.1): the
     * book finds p̄ = 0.2313, limits 0.0524 and 0.4102, and samples 15 (0.44) and 23 (0.48) above the upper limit.
     */
    @Test
    void montgomerysOrangeJuiceCansGiveThePublishedLimitsAndTheTwoSamplesAboveThem() {
        double[] nonconforming = {12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9,
            12, 7, 13, 9, 6};
        double[] cans = new double[30];
        java.util.Arrays.fill(cans, 50);
        Chart chart = Charts.chart(ChartSpec.of(ChartType.P, ratios(nonconforming, cans)).withBetter(Direction.DOWN));

        assertEquals(347.0 / 1500, chart.segments().get(0).centre(), E);
        assertEquals(0.2313, chart.segments().get(0).centre(), 0.00005);
        assertEquals(0.4102, chart.points().get(0).upperLimit(), 0.00005);
        assertEquals(0.0524, chart.points().get(0).lowerLimit(), 0.00005);
        List<java.time.LocalDate> above = chart.signals().stream().filter(s -> s.rule() == RuleId.BEYOND_LIMITS)
                .flatMap(s -> s.periods().stream()).sorted().toList();
        assertEquals(List.of(month(14), month(22)), above, "samples 15 and 23, as the book finds");
    }

    @Test
    void aPChartShowsLaneysSigmaZSoThatATeamCanSeeWhetherPPrimeSuitsBetter() {
        // z-scores: −0.5, 0, 0.5, 0, −0.5, …; every moving range is 0.5, so σz = 0.5 / 1.128 = 0.443262…
        Chart chart = Charts.chart(ChartSpec.of(ChartType.P, ratios(SCREENED, PATIENTS)));

        assertEquals(0.5 / 1.128, chart.segments().get(0).sigmaZ(), E);
    }

    @Test
    void aPChartOfLargeDenominatorsThatVaryMoreThanItExpectsSuggestsLaneysPPrime() {
        // 10,000 patients a month, screened 19% and 21% in turn: p̄ = 0.2 and σ(p) = √(0.2 × 0.8 / 10,000) = 0.004,
        // so the z-scores are −2.5 and 2.5, every moving range 5 and σz = 5 / 1.128 = 4.43: limits of 0.188 and
        // 0.212 that every month nearly reaches.
        double[] screened = {1900, 2100, 1900, 2100, 1900, 2100, 1900, 2100, 1900, 2100, 1900, 2100};
        double[] patients = new double[12];
        java.util.Arrays.fill(patients, 10_000);
        Chart p = Charts.chart(ChartSpec.of(ChartType.P, ratios(screened, patients)));

        assertEquals(5 / 1.128, p.segments().get(0).sigmaZ(), 1e-9);
        assertEquals(List.of("The periods vary 4.4 times as much as a P chart expects (Laney's sigma-z), as they often do"
                + " with large denominators: its limits are too narrow and flag common cause variation. Laney's P′ chart"
                + " widens them by that variation."), p.notes());
        assertEquals(List.of(), Charts.chart(ChartSpec.of(ChartType.P_PRIME, ratios(screened, patients))).notes(),
                "the P′ chart already allows for it");
        assertEquals(List.of(), Charts.chart(ChartSpec.of(ChartType.P, ratios(SCREENED, PATIENTS))).notes(),
                "σz of 0.44: a P chart suits");
    }

    @Test
    void laneysPPrimeScalesTheLimitsBySigmaZ() {
        // Limits for 100 patients: 0.2 ± 3 × 0.04 × 0.443262 = 0.2 ± 0.053191…
        Chart chart = Charts.chart(ChartSpec.of(ChartType.P_PRIME, ratios(SCREENED, PATIENTS)));

        assertEquals(0.2 - 0.12 * 0.5 / 1.128, chart.points().get(0).lowerLimit(), E);
        assertEquals(0.253191489, chart.points().get(0).upperLimit(), 1e-9);
        assertEquals(0.2 + 0.06 * 0.5 / 1.128, chart.points().get(1).upperLimit(), E);
        assertEquals(0.5, chart.segments().get(0).averageMovingRange(), E, "of the z-scores");
    }

    @Test
    void withEqualDenominatorsPPrimeLimitsAreThoseOfAnIndividualsChartOfTheProportions() {
        // Laney 2002: with equal subgroups, P′ reduces to an individuals chart of p. Here p alternates 0.18 and
        // 0.22 over 1,000 patients: mR̄ = 0.04, so the limits are 0.2 ± 3 × 0.04 / 1.128 = 0.2 ± 0.106383 (an
        // individuals chart with the rounded 2.66 gives 0.2 ± 0.1064).
        double[] screened = new double[12];
        double[] patients = new double[12];
        for (int i = 0; i < 12; i++) {
            screened[i] = i % 2 == 0 ? 180 : 220;
            patients[i] = 1000;
        }
        Chart pPrime = Charts.chart(ChartSpec.of(ChartType.P_PRIME, ratios(screened, patients)));
        List<Observation> proportions = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            proportions.add(Observation.of(month(i), screened[i] / patients[i]));
        }
        Chart individuals = Charts.chart(ChartSpec.of(ChartType.XMR, proportions));

        assertEquals(0.306382979, pPrime.points().get(0).upperLimit(), 1e-9);
        assertEquals(individuals.points().get(0).upperLimit(), pPrime.points().get(0).upperLimit(), 1e-4);
        assertEquals(individuals.points().get(0).lowerLimit(), pPrime.points().get(0).lowerLimit(), 1e-4);
    }

    @Test
    void aProportionAboveTheUpperLimitOfItsOwnDenominatorIsASpecialCause() {
        // 35 of 100 is 0.35, above the limit of 0.32 for 100 patients; the limits still rest on the first 12 months.
        Chart chart = Charts.chart(ChartSpec.of(ChartType.P, ratios(concat(SCREENED, new double[] {35}),
                concat(PATIENTS, new double[] {100}))).withBaseline(Baseline.firstPoints(12)).withBetter(Direction.UP));

        assertEquals(RuleId.BEYOND_LIMITS, chart.signals().get(0).rule());
        assertEquals(List.of(month(12)), chart.signals().get(0).periods());
        assertEquals(VariationIcon.IMPROVING_HIGH, chart.variationIcon());
    }

    @Test
    void aPChartGoalReadsAsAPercentage() {
        // The latest month has 400 patients: limits 0.14 to 0.26. Lower is better and the goal of 10% lies below
        // the lower limit: the process will not reach it.
        Chart chart = Charts.chart(ChartSpec.of(ChartType.P, ratios(SCREENED, PATIENTS)).withBetter(Direction.DOWN)
                .withGoal(0.1));

        assertEquals(AssuranceIcon.CONSISTENTLY_NOT_MET, chart.assuranceIcon());
        assertTrue(chart.summary().endsWith("The goal of 10% lies beyond the process limits: the process will not"
                + " meet it unless it changes."), chart.summary());
    }

    @Test
    void aMonthWithNoPatientsIsMissingNotZero() {
        double[] screened = concat(SCREENED, new double[] {0});
        double[] patients = concat(PATIENTS, new double[] {0});
        Chart chart = Charts.chart(ChartSpec.of(ChartType.P, ratios(screened, patients)));

        assertNull(chart.points().get(12).value());
        assertNull(chart.points().get(12).upperLimit(), "no limits without a denominator");
        assertEquals(0.2, chart.points().get(12).centre(), E);
        assertEquals(0.2, chart.segments().get(0).centre(), E, "the empty month does not pull p̄ down");
    }

    @Test
    void cChartLimitsAreTheMeanCountPlusOrMinusThreeOfItsSquareRoot() {
        // Falls per month: 48 in 12 months, c̄ = 4, σ = 2: limits 0 (4 − 6, floored at zero) and 10; two sigma 0
        // and 8. Eleven falls in the thirteenth month lie above the limit.
        double[] falls = {2, 6, 4, 3, 5, 4, 6, 2, 4, 5, 3, 4, 11};
        Chart chart = Charts.chart(ChartSpec.of(ChartType.C, values(falls)).withBaseline(Baseline.firstPoints(12))
                .withBetter(Direction.DOWN));

        ChartPoint first = chart.points().get(0);
        assertEquals(4.0, first.centre(), E);
        assertEquals(0.0, first.lowerLimit(), E);
        assertEquals(10.0, first.upperLimit(), E);
        assertEquals(8.0, first.upperTwoSigma(), E);
        assertEquals(List.of(RuleId.BEYOND_LIMITS), chart.signals().stream().map(Signal::rule).toList());
        assertEquals(VariationIcon.CONCERNING_HIGH, chart.variationIcon());
        assertEquals("A point above the upper limit in January 2027, a concern.", chart.summary());
    }

    @Test
    void uChartLimitsVaryWithTheExposure() {
        // Infections per bed day: 2 per 100 and 8 per 400 in turn, ū = 60 / 3,000 = 0.02. Upper limits:
        // 0.02 + 3 √(0.02 / 100) = 0.062426… and 0.02 + 3 √(0.02 / 400) = 0.041213…; lower limits floored at 0.
        double[] infections = {2, 8, 2, 8, 2, 8, 2, 8, 2, 8, 2, 8};
        Chart chart = Charts.chart(ChartSpec.of(ChartType.U, ratios(infections, PATIENTS)));

        assertEquals(0.02, chart.segments().get(0).centre(), E);
        assertEquals(0.062426407, chart.points().get(0).upperLimit(), 1e-9);
        assertEquals(0.041213203, chart.points().get(1).upperLimit(), 1e-9);
        assertEquals(0.0, chart.points().get(1).lowerLimit(), E);
        assertNull(chart.segments().get(0).sigmaZ());
    }
}
