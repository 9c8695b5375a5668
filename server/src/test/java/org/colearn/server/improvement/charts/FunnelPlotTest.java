package org.colearn.server.improvement.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Funnel plots with exact binomial limits interpolated between whole counts, as in D. J. Spiegelhalter, "Funnel
 * plots for comparing institutional performance", Statistics in Medicine 2005;24:1185–1202, appendix A.1.1.
 */
class FunnelPlotTest {

    @Test
    void limitsForTwoOpportunitiesWorkedByHand() {
        // Binomial(2, 0.5): F(0) = 0.25, F(1) = 0.75, F(2) = 1.
        // 97.5%: r = 2, α = (1 − 0.975) / (1 − 0.75) = 0.1, limit (2 − 0.1) / 2 = 0.95.
        // 99.9%: r = 2, α = (1 − 0.999) / 0.25 = 0.004, limit (2 − 0.004) / 2 = 0.998.
        // 2.5%: r = 0, α = (0.25 − 0.025) / 0.25 = 0.9, limit (0 − 0.9) / 2, below zero, so 0.
        FunnelLimits limits = Funnel.limits(0.5, 2);

        assertEquals(0.95, limits.upper95(), 1e-12);
        assertEquals(0.998, limits.upper998(), 1e-12);
        assertEquals(0.0, limits.lower95(), 1e-12);
    }

    @Test
    void withManyOpportunitiesTheLimitsMeetTheNormalApproximation() {
        // 0.2 ± z √(0.2 × 0.8 / 10,000) = 0.2 ± 0.004 z, with z = 1.959964 and 3.090232.
        FunnelLimits limits = Funnel.limits(0.2, 10_000);

        assertEquals(0.2 + 0.004 * 1.959964, limits.upper95(), 2e-4);
        assertEquals(0.2 - 0.004 * 1.959964, limits.lower95(), 2e-4);
        assertEquals(0.2 + 0.004 * 3.090232, limits.upper998(), 2e-4);
        assertEquals(0.2 - 0.004 * 3.090232, limits.lower998(), 2e-4);
    }

    @Test
    void aSiteFarAboveTheOthersIsNamedBeyondThe998Limit() {
        // Overall 640 / 1,200 = 0.5333. For 100 patients σ ≈ √(0.5333 × 0.4667 / 100) = 0.0499: the 99.8% upper
        // limit is near 0.5333 + 3.09 × 0.0499 = 0.687, far below Ashford's 0.8; Bexley's 0.45 lies above the
        // 95% lower limit near 0.5333 − 1.96 × 0.0499 = 0.436; Croydon's 0.515 of 1,000 above 0.5333 − 1.96 × 0.0158.
        FunnelPlot plot = Charts.funnel(List.of(new FunnelUnit("Bexley", 45, 100), new FunnelUnit("Ashford", 80, 100),
                new FunnelUnit("Croydon", 515, 1000)), Direction.UP);

        assertEquals(640.0 / 1200, plot.overall(), 1e-12);
        assertEquals(List.of(FunnelPosition.WITHIN, FunnelPosition.ABOVE_998, FunnelPosition.WITHIN),
                plot.units().stream().map(FunnelPoint::position).toList());
        assertEquals(Variation.IMPROVING, plot.units().get(1).meaning());
        assertEquals("Overall 53.3% across 3 sites. Ashford lies above the 99.8% limit (80%), better than the"
                + " others. Every other site lies within the 95% limits.", plot.summary());
    }

    @Test
    void theFunnelNarrowsAsTheDenominatorGrows() {
        // Overall 410 / 2,050 = 0.2, and both sites lie on it.
        FunnelPlot plot = Charts.funnel(List.of(new FunnelUnit("A", 10, 50), new FunnelUnit("B", 400, 2000)),
                Direction.NEITHER);

        FunnelLimits first = plot.curve().get(0);
        FunnelLimits last = plot.curve().get(plot.curve().size() - 1);
        assertEquals(50.0, first.denominator());
        assertEquals(2000.0, last.denominator());
        assertTrue(last.upper95() - last.lower95() < first.upper95() - first.lower95());
        assertTrue(last.upper998() - last.lower998() < first.upper998() - first.lower998());
        assertTrue(first.upper998() > first.upper95() && first.lower998() < first.lower95());
        assertEquals("Overall 20% across 2 sites. Every site lies within the 95% limits: the differences between"
                + " them are what chance alone would give.", plot.summary());
    }

    @Test
    void twoSitesWithOneNameAreRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Charts.funnel(
                List.of(new FunnelUnit("A", 1, 10), new FunnelUnit("A", 2, 10)), Direction.UP));

        assertEquals("Two sites are both called A", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FunnelUnit("B", 11, 10));
    }
}
