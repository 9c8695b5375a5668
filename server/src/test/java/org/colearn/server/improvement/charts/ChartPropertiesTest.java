package org.colearn.server.improvement.charts;

import static org.colearn.server.improvement.charts.Months.month;
import static org.colearn.server.improvement.charts.Months.ratios;
import static org.colearn.server.improvement.charts.Months.repeat;
import static org.colearn.server.improvement.charts.Months.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Properties every chart keeps, over many series: no signal from a constant series, a shift of three sigma always
 * found (on individuals, run, count and proportion charts), limits that follow the denominator.
 */
class ChartPropertiesTest {

    @ParameterizedTest
    @EnumSource(ChartType.class)
    void aConstantSeriesGivesNoSignal(ChartType type) {
        List<Observation> observations = type.needsDenominator()
                ? ratios(repeat(20, 24), repeat(100, 24))
                : values(repeat(4, 24));

        Chart chart = Charts.chart(ChartSpec.of(type, observations).withBetter(Direction.UP));

        assertTrue(chart.judged());
        assertEquals(List.of(), chart.signals(), chart.summary());
        assertTrue(chart.points().stream().allMatch(p -> p.variation() == Variation.COMMON_CAUSE));
    }

    @Test
    void aShiftOfThreeSigmaIsFlaggedOnEveryIndividualsAndRunChart() {
        for (int seed = 1; seed <= 50; seed++) {
            Random random = new Random(seed);
            double[] values = new double[28];
            for (int i = 0; i < values.length; i++) {
                values[i] = 10 + random.nextGaussian() + (i >= 20 ? 3 : 0);
            }
            for (ChartType type : List.of(ChartType.XMR, ChartType.RUN)) {
                Chart chart = Charts.chart(ChartSpec.of(type, values(values)).withBaseline(Baseline.firstPoints(20))
                        .withBetter(Direction.UP));

                assertTrue(chart.signals().stream().anyMatch(s -> s.side() == Side.HIGH
                        && s.meaning() == Variation.IMPROVING && !s.periods().get(s.periods().size() - 1)
                                .isBefore(month(20))), type + " with seed " + seed + ": " + chart.summary());
            }
        }
    }

    /**
     * Counts drawn from a Poisson distribution of mean 16 (sigma 4), then 28; proportions of 200 drawn at 0.3 (sigma
     * 0.0324), then 0.397: three sigma up after 20 months.
     */
    @Test
    void aShiftOfThreeSigmaIsFlaggedOnEveryCountAndProportionChart() {
        for (int seed = 1; seed <= 50; seed++) {
            Random random = new Random(seed);
            double[] counts = new double[28];
            double[] screened = new double[28];
            double[] patients = repeat(200, 28);
            for (int i = 0; i < counts.length; i++) {
                counts[i] = poisson(random, i >= 20 ? 28 : 16);
                screened[i] = binomial(random, 200, i >= 20 ? 0.3 + 3 * Math.sqrt(0.3 * 0.7 / 200) : 0.3);
            }
            for (ChartType type : List.of(ChartType.C, ChartType.P, ChartType.P_PRIME, ChartType.U)) {
                List<Observation> observations = type == ChartType.C ? values(counts) : ratios(screened, patients);
                Chart chart = Charts.chart(ChartSpec.of(type, observations).withBaseline(Baseline.firstPoints(20))
                        .withBetter(Direction.UP));

                assertTrue(chart.signals().stream().anyMatch(s -> s.side() == Side.HIGH && s.meaning() == Variation.IMPROVING
                        && !s.periods().get(s.periods().size() - 1).isBefore(month(20))), type + " with seed " + seed + ": "
                        + chart.summary());
            }
        }
    }

    private static double poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private static double binomial(Random random, int trials, double p) {
        int successes = 0;
        for (int i = 0; i < trials; i++) {
            successes += random.nextDouble() < p ? 1 : 0;
        }
        return successes;
    }

    @Test
    void limitsNarrowAsTheDenominatorGrowsAndWidenAsItShrinks() {
        Random random = new Random(7);
        double[] denominators = new double[30];
        double[] numerators = new double[30];
        for (int i = 0; i < 30; i++) {
            denominators[i] = 20 + random.nextInt(2000);
            numerators[i] = Math.round(denominators[i] * (0.3 + 0.1 * random.nextDouble()));
        }
        for (ChartType type : List.of(ChartType.P, ChartType.P_PRIME, ChartType.U)) {
            List<ChartPoint> points = Charts.chart(ChartSpec.of(type, ratios(numerators, denominators))).points();
            List<ChartPoint> byDenominator = new ArrayList<>(points);
            byDenominator.sort((a, b) -> Double.compare(a.denominator(), b.denominator()));
            for (int k = 1; k < byDenominator.size(); k++) {
                ChartPoint smaller = byDenominator.get(k - 1);
                ChartPoint larger = byDenominator.get(k);
                assertTrue(larger.upperLimit() <= smaller.upperLimit() && larger.lowerLimit() >= smaller.lowerLimit(),
                        type + ": limits for " + larger.denominator() + " lie inside those for "
                                + smaller.denominator());
            }
        }
    }

    @Test
    void everyPointCarriesItsSegmentsLinesAndEverySignalNamesItsRuleInTheLegend() {
        Random random = new Random(3);
        double[] values = new double[40];
        for (int i = 0; i < values.length; i++) {
            values[i] = 50 + 5 * random.nextGaussian() + (i >= 25 ? 12 : 0);
        }
        for (ChartType type : List.of(ChartType.XMR, ChartType.RUN)) {
            Chart chart = Charts.chart(ChartSpec.of(type, values(values)).withChangePoints(List.of(month(25))));

            assertEquals(2, chart.segments().size());
            for (ChartPoint point : chart.points()) {
                assertEquals(chart.segments().get(point.segment()).centre(), point.centre());
            }
            List<RuleId> legend = chart.rules().stream().map(AppliedRule::id).toList();
            assertTrue(chart.signals().stream().allMatch(s -> legend.contains(s.rule())));
        }
    }
}
