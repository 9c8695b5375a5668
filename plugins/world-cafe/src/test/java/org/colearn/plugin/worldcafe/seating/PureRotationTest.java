package org.colearn.plugin.worldcafe.seating;

import static org.colearn.plugin.worldcafe.seating.Cafes.anonymous;
import static org.colearn.plugin.worldcafe.seating.Cafes.assertHardRules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cafés without hosts, the social golfer problem: what the engine reaches against the best known. The figures and
 * their times are in docs/benchmarks.md.
 */
class PureRotationTest {

    @Test
    void thirtyTwoAtEightTablesOfFourAskedForTenRoundsGetNineWithoutRepeatsAndTheRepeatsAllInTheTenth() {
        // Ten rounds is the best known; the design gives nine at once, and the search does not find the tenth.
        SeatingPlan plan = new WorldCafeSeating(1, 2_000).plan(CafeSetup.bySize(anonymous(32), 4, 10));

        assertHardRules(plan);
        assertEquals(9, plan.report().repeatFreeRounds(10), plan.report().summary());
        assertTrue(plan.report().repeats().stream().allMatch(repeat -> repeat.rounds().equals(List.of(
                repeat.rounds().get(0), 9))), plan.report().summary());
    }

    @Test
    void eighteenAtSixTablesOfThreeAskedForEightRoundsMissTheBestKnownByAtMostTwoRepeatsInTheLastRounds() {
        // Eight rounds is the best known (each person meets 16 of the 17 others); the search ends a repeat or two short.
        SeatingPlan plan = new WorldCafeSeating(1, WorldCafeSeating.DEFAULT_ITERATIONS)
                .plan(CafeSetup.bySize(anonymous(18), 3, 8));

        assertHardRules(plan);
        assertTrue(plan.report().repeatCount() <= 2, plan.report().summary());
        assertTrue(plan.report().repeatFreeRounds(8) >= 6, plan.report().summary());
    }
}
