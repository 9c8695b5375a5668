package org.colearn.plugin.worldcafe.seating;

import static org.colearn.plugin.worldcafe.seating.Cafes.anonymous;
import static org.colearn.plugin.worldcafe.seating.Cafes.assertHardRules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class UnavoidableRepeatsTest {

    final WorldCafeSeating engine = new WorldCafeSeating(7, 5_000);

    @Test
    void withHostsAtEightTablesANinthRoundTakesEveryRepeatAndTheFirstEightStayClean() {
        Map<Integer, String> hosts = new HashMap<>();
        for (int t = 0; t < 8; t++) {
            hosts.put(t, "p" + t);
        }
        SeatingPlan plan = engine.plan(CafeSetup.bySize(anonymous(32), 4, 9).withHosts(hosts));

        assertHardRules(plan);
        assertEquals(Set.of(8), roundsWithRepeats(plan.report()), plan.report().summary());
        assertEquals(8, plan.report().repeatFreeRounds(9));
        assertTrue(plan.report().repeatCount() >= 24, "each of the 24 who move meets a host again");
    }

    @Test
    void nineAtThreeTablesForSixRoundsKeepTheFourRoundsThatCanBeCleanFirst() {
        SeatingPlan plan = engine.plan(CafeSetup.bySize(anonymous(9), 3, 6));

        assertHardRules(plan);
        assertEquals(Set.of(4, 5), roundsWithRepeats(plan.report()), plan.report().summary());
        assertEquals(4, plan.report().repeatFreeRounds(6));
    }

    @Test
    void sixteenAtFourTablesForSevenRoundsRepeatOnlyInTheLastTwo() {
        SeatingPlan plan = engine.plan(CafeSetup.bySize(Cafes.roster(16, 4, 2), 4, 7));

        assertHardRules(plan);
        assertFalse(roundsWithRepeats(plan.report()).isEmpty());
        assertTrue(roundsWithRepeats(plan.report()).stream().allMatch(round -> round >= 5), plan.report().summary());
    }

    @Test
    void theMostRepeatFreeRoundsAreToldWithTheReason() {
        RepeatFreeRounds hosted = RepeatFreeRounds.of(32, 8, true);
        assertEquals(8, hosted.rounds());
        assertEquals("each person who moves meets one of the 8 hosts every round, and the hosts stay at their tables",
                hosted.reason());
        assertEquals(10, RepeatFreeRounds.of(32, 8, false).rounds());
        assertEquals(8, RepeatFreeRounds.of(18, 6, false).rounds());
        assertEquals(4, RepeatFreeRounds.of(9, 3, false).rounds());
        RepeatFreeRounds pairs = RepeatFreeRounds.of(6, 2, false);
        assertEquals(2, pairs.rounds());
        assertEquals("each round seats 6 pairs of tablemates, and 6 people make only 15 pairs", pairs.reason());
        assertEquals(1, RepeatFreeRounds.of(5, 1, true).rounds());
    }

    /** The rounds (from 0) in which a pair sits together again. */
    private static Set<Integer> roundsWithRepeats(SeatingReport report) {
        Set<Integer> rounds = new TreeSet<>();
        for (SeatingReport.Repeat repeat : report.repeats()) {
            List<Integer> met = repeat.rounds();
            rounds.addAll(met.subList(1, met.size()));
        }
        return rounds;
    }
}
