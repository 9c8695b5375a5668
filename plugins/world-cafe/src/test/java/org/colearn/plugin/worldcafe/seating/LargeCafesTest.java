package org.colearn.plugin.worldcafe.seating;

import static org.colearn.plugin.worldcafe.seating.Cafes.assertHardRules;
import static org.colearn.plugin.worldcafe.seating.Cafes.roster;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cafés of the size of a collaborative's learning session, planned with the budget the activity uses. */
class LargeCafesTest {

    final WorldCafeSeating engine = new WorldCafeSeating(1, WorldCafeSeating.DEFAULT_ITERATIONS);

    @Test
    void aHundredAndTwentyPeopleFromSixteenSitesWithHostsMeetNeitherATablemateTwiceNorAColleagueInFourRounds() {
        Map<Integer, String> hosts = new HashMap<>();
        for (int t = 0; t < 20; t++) {
            hosts.put(t, "p" + t);
        }
        SeatingPlan plan = engine.plan(CafeSetup.bySize(roster(120, 16, 4), 6, 4).withHosts(hosts));

        assertHardRules(plan);
        assertEquals(20, plan.rounds().get(0).tables().size());
        assertEquals(List.of(), plan.report().repeats());
        assertEquals(List.of(), plan.report().sameSitePairs());
        assertEquals(List.of(), plan.report().unmixedTables());
    }

    @Test
    void fifteenHundredPeopleFromSixtySitesMeetNeitherATablemateTwiceNorAColleagueInSixRounds() {
        SeatingPlan plan = engine.plan(CafeSetup.bySize(roster(1_500, 60, 4), 6, 6));

        assertHardRules(plan);
        assertEquals(250, plan.rounds().get(0).tables().size());
        assertEquals(List.of(), plan.report().repeats());
        assertEquals(List.of(), plan.report().sameSitePairs());
        assertEquals(List.of(), plan.report().unmixedTables());
    }
}
