package org.colearn.server.improvement.charts;

import static org.colearn.server.improvement.charts.Months.month;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Series that cannot be charted as asked are refused with a message that says what to fix. */
class ChartInputTest {

    private static String refusal(ChartType type, List<Observation> observations) {
        return assertThrows(IllegalArgumentException.class,
                () -> Charts.chart(ChartSpec.of(type, observations))).getMessage();
    }

    @Test
    void twoValuesForOneMonthAreRefused() {
        assertEquals("Two values for the period 2026-02-01: keep one", refusal(ChartType.RUN,
                List.of(Observation.of(month(0), 1), Observation.of(month(1), 2), Observation.of(month(1), 3))));
    }

    @Test
    void twoEventsOnOneDayAreAPointOfZeroDaysOnAChartOfEvents() {
        // Days between events on 1, 11 (twice) and 31 March: 10, 0 and 20 days. XmR: mean 10, moving ranges 10 and
        // 20, average 15, upper limit 10 + 2.66 × 15 = 49.9. Run chart: median 10, the 0 below it.
        LocalDate eleventh = LocalDate.of(2026, 3, 11);
        List<Observation> gaps = List.of(Observation.of(eleventh, 10), Observation.of(eleventh, 0),
                Observation.of(LocalDate.of(2026, 3, 31), 20));

        Chart xmr = Charts.chart(ChartSpec.of(ChartType.XMR, gaps).asEvents());
        assertEquals(List.of(10.0, 0.0, 20.0), xmr.points().stream().map(ChartPoint::value).toList());
        assertEquals(10.0, xmr.points().get(1).centre(), 1e-9);
        assertEquals(49.9, xmr.points().get(1).upperLimit(), 1e-9);
        Chart run = Charts.chart(ChartSpec.of(ChartType.RUN, gaps).asEvents());
        assertEquals(10.0, run.points().get(1).centre(), 1e-9);
        assertEquals(Side.LOW, Runs.side(Series.of(ChartType.RUN, gaps, true), 1, 10.0));
        assertEquals("Two values for the period 2026-03-11: keep one", refusal(ChartType.XMR, gaps),
                "periods, unlike events, are one value each");
    }

    @Test
    void aSignalOnAChartOfEventsIsSaidToBeOnItsDay() {
        // Fifteen gaps averaging 21.9 days, then a second event on 4 May 2026: 0 days, below the lower limit.
        double[] days = {20, 25, 18, 30, 22, 27, 19, 24, 21, 26, 23, 28, 20, 25, 21};
        List<Observation> gaps = new ArrayList<>();
        LocalDate day = LocalDate.of(2025, 5, 20);
        for (double gap : days) {
            day = day.plusDays((long) gap);
            gaps.add(Observation.of(day, gap));
        }
        gaps.add(Observation.of(day, 0));

        Chart chart = Charts.chart(ChartSpec.of(ChartType.XMR, gaps).asEvents().withBetter(Direction.UP));
        assertEquals("A point below the lower limit on 4 May 2026, a concern.", chart.summary());
    }

    @Test
    void aChartOfEventsAllOnOneDayIsAllZerosWithNoSignal() {
        LocalDate day = LocalDate.of(2026, 3, 11);
        List<Observation> gaps = List.of(Observation.of(day, 0), Observation.of(day, 0), Observation.of(day, 0));

        Chart xmr = Charts.chart(ChartSpec.of(ChartType.XMR, gaps).asEvents());
        assertEquals(List.of(0.0, 0.0, 0.0), xmr.points().stream().map(ChartPoint::value).toList());
        assertEquals(0.0, xmr.points().get(0).centre(), 1e-9);
        assertEquals(List.of(), xmr.signals());
    }

    @Test
    void monthsOutOfOrderAreRefused() {
        assertEquals("Periods must be in time order: 2026-01-01 comes after 2026-02-01", refusal(ChartType.XMR,
                List.of(Observation.of(month(1), 1), Observation.of(month(0), 2))));
    }

    @Test
    void aNumeratorAboveItsDenominatorIsRefusedOnAPChartButNotOnAUChart() {
        List<Observation> observations = List.of(Observation.of(month(0), 12, 10));

        assertEquals("The numerator 12.0 of 2026-01-01 is more than its denominator 10.0",
                refusal(ChartType.P, observations));
        assertEquals(1.2, Charts.chart(ChartSpec.of(ChartType.U, observations)).points().get(0).value());
    }

    @Test
    void aNegativeCountIsRefusedButANegativeMeasurementIsNot() {
        List<Observation> observations = List.of(Observation.of(month(0), -2));

        assertEquals("A count cannot be negative: -2.0 in 2026-01-01", refusal(ChartType.C, observations));
        assertEquals(-2.0, Charts.chart(ChartSpec.of(ChartType.XMR, observations)).points().get(0).value());
    }

    @Test
    void valuesThatAreNotNumbersAndImpossibleBaselinesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Observation.of(month(0), Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Observation.of(month(0), 1, -1));
        assertThrows(IllegalArgumentException.class, () -> Baseline.firstPoints(0));
        assertThrows(IllegalArgumentException.class, () -> Baseline.between(month(2), month(1)));
        assertThrows(IllegalArgumentException.class, () -> RuleOptions.defaults().withRunShift(1));
    }

    @Test
    void anEmptySeriesIsNoDataYet() {
        Chart chart = Charts.chart(ChartSpec.of(ChartType.XMR, List.of()));

        assertFalse(chart.judged());
        assertEquals(List.of(), chart.segments());
        assertEquals("No data yet.", chart.summary());
    }

    @Test
    void weeklyPeriodsAreNamedByTheirFirstDay() {
        LocalDate monday = LocalDate.of(2026, 3, 2);
        List<Observation> weeks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            weeks.add(Observation.of(monday.plusWeeks(i), i < 6 ? 1 : 5));
        }
        Chart chart = Charts.chart(ChartSpec.of(ChartType.RUN, weeks).withBaseline(Baseline.firstPoints(6))
                .withOptions(RuleOptions.defaults().withRunRuleSets(Set.of(RunRuleSet.PERLA_PROVOST_MURRAY))));

        assertEquals("A shift: 6 points above the baseline median since the week of 13 April 2026.",
                chart.summary());
    }
}
