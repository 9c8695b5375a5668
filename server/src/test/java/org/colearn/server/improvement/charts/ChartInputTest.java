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
