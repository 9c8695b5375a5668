package org.colearn.server.improvement.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Funnel plots of rates with exact Poisson limits interpolated between whole counts, as in D. J. Spiegelhalter,
 * "Funnel plots for comparing institutional performance", Statistics in Medicine 2005;24:1185–1202, appendix A.1.2.
 */
class RateFunnelTest {

    @Test
    void limitsForTenExpectedEventsWorkedFromThePoissonDistribution() {
        // 0.01 events per bed day over 1,000 bed days: Poisson(10). F(16) = 0.972958, F(17) = 0.985722, so the
        // 97.5% quantile is r = 17, α = (0.985722 − 0.975) / (0.985722 − 0.972958) = 0.840049, and the limit is
        // (17 − 0.840049) / 1000 = 0.0161600 per bed day. Likewise 2.5%: r = 4, α = 0.224812, 0.00377519;
        // 99.9%: r = 21, α = 0.337999, 0.0206620; 0.1%: r = 2, α = 0.779471, 0.00122053.
        assertEquals(0.0161600, Funnel.poissonLimit(0.01, 1000, 0.975), 1e-7);
        assertEquals(0.00377519, Funnel.poissonLimit(0.01, 1000, 0.025), 1e-8);
        assertEquals(0.0206620, Funnel.poissonLimit(0.01, 1000, 0.999), 1e-7);
        assertEquals(0.00122053, Funnel.poissonLimit(0.01, 1000, 0.001), 1e-8);
    }

    @Test
    void withMuchExposureTheLimitsMeetTheNormalApproximation() {
        // Poisson(10,000) at 0.5 per bed day over 20,000 bed days: 0.5 ± z √10,000 / 20,000 = 0.5 ± 0.005 z.
        assertEquals(0.5 + 0.005 * 1.959964, Funnel.poissonLimit(0.5, 20_000, 0.975), 2e-4);
        assertEquals(0.5 - 0.005 * 3.090232, Funnel.poissonLimit(0.5, 20_000, 0.001), 2e-4);
    }

    @Test
    void aWardWithThreeTimesTheFallsIsAboveTheLimitsAndTheSummaryReadsAsARate() {
        FunnelPlot plot = Charts.rateFunnel(List.of(
                new RateUnit("Ashford", 30, 3000), new RateUnit("Dover", 28, 3200), new RateUnit("Canterbury", 25, 2900),
                new RateUnit("Folkestone", 90, 3100)), Direction.DOWN, 1000, "per 1000 bed days");

        assertEquals(173.0 / 12200, plot.overall(), 1e-12);
        FunnelPoint folkestone = plot.units().get(3);
        assertEquals(FunnelPosition.ABOVE_998, folkestone.position());
        assertEquals(Variation.CONCERNING, folkestone.meaning());
        assertEquals(90.0 / 3100, folkestone.proportion(), 1e-12);
        assertTrue(plot.summary().startsWith("Overall 14.2 per 1000 bed days across 4 sites."), plot.summary());
        assertTrue(plot.summary().contains("Folkestone lies above the 99.8% limit (29 per 1000 bed days), worse than the others"),
                plot.summary());
        assertTrue(plot.curve().size() > 10, "a smooth curve");
        assertTrue(plot.curve().get(0).upper95() > plot.curve().get(plot.curve().size() - 1).upper95(),
                "the funnel narrows as the exposure grows");
    }

    @Test
    void moreEventsThanBedDaysAreStillARate() {
        FunnelPlot plot = Charts.rateFunnel(List.of(new RateUnit("A", 12, 10), new RateUnit("B", 9, 10)),
                Direction.DOWN, 1, "per bed day");
        assertEquals(1.05, plot.overall(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new RateUnit("C", 1, 0));
    }
}
