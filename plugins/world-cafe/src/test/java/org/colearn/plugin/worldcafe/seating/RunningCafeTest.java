package org.colearn.plugin.worldcafe.seating;

import static org.colearn.plugin.worldcafe.seating.Cafes.assertBalanced;
import static org.colearn.plugin.worldcafe.seating.Cafes.assertEveryoneSeatedOnce;
import static org.colearn.plugin.worldcafe.seating.Cafes.assertHostsStay;
import static org.colearn.plugin.worldcafe.seating.Cafes.roster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunningCafeTest {

    final WorldCafeSeating engine = new WorldCafeSeating(5, 20_000);
    SeatingPlan planned;
    String stayer;

    @BeforeEach
    void planACafe() {
        planned = engine.plan(CafeSetup.bySize(roster(22, 6, 3), 4, 4).withHosts(Map.of(0, "p0", 1, "p1")));
    }

    @Test
    void lateJoinerIsSeatedAtASmallestTableWithoutMovingAnyoneElse() {
        SeatingPlan joined = engine.seatLateJoiner(planned, 1, new Person("amira", "site9", "nurse"));

        assertEquals(planned.rounds().get(0), joined.rounds().get(0), "a round already played");
        Round before = planned.rounds().get(1);
        Round after = joined.rounds().get(1);
        Table hers = after.tableOf("amira").orElseThrow();
        for (Table table : after.tables()) {
            List<String> withoutHer = new ArrayList<>(table.people());
            withoutHer.remove("amira");
            assertEquals(before.table(table.index()).orElseThrow().people(), withoutHer, "nobody else moved");
        }
        int smallest = before.tables().stream().mapToInt(t -> t.people().size()).min().orElseThrow();
        assertEquals(smallest + 1, hers.people().size());
        assertEveryoneSeatedOnce(joined, 2);
        assertBalanced(joined, 1);
        assertHostsStay(joined, 0);
        assertTrue(joined.rounds().get(3).tableOf("amira").isPresent(), "later rounds seat her too");
    }

    @Test
    void aTableOpenedForLateJoinersInACafeHostedAtEveryTableGetsTheLatestArrivalAsHost() {
        SeatingPlan hosted = engine.plan(CafeSetup.bySize(roster(8, 4, 2), 4, 3).withHosts(Map.of(0, "p0", 1, "p1")));
        SeatingPlan joined = engine.seatLateJoiner(hosted, 0, new Person("amira", "site9", "nurse"));
        joined = engine.seatLateJoiner(joined, 0, new Person("ben", "site8", "doctor"));

        for (Round round : joined.rounds().subList(1, 3)) {
            assertEquals(3, round.tables().size(), "ten people at tables of four need a third table");
            Table opened = round.table(2).orElseThrow();
            assertEquals("amira", opened.host(), "the latest arrival when the table opened hosts it, and keeps it");
            assertEquals("amira", opened.people().get(0));
        }
        assertEquals(Map.of(0, "p0", 1, "p1", 2, "amira"), joined.setup().hosts());
        assertHostsStay(joined, 1);
        assertEveryoneSeatedOnce(joined, 1);

        SeatingPlan partly = planned;
        for (int i = 0; i < 3; i++) {
            partly = engine.seatLateJoiner(partly, 0, new Person("late" + i, "site9", "nurse"));
        }
        assertEquals(Map.of(0, "p0", 1, "p1"), partly.setup().hosts(), "a café with hosts at some tables only adds none");
    }

    @Test
    void roundsAlreadyPlayedStayAsTheyWereWhenTheRestIsPlannedAgain() {
        CafeSetup changed = planned.setup().withKeepApart(List.of(Pair.of("p2", "p3")));

        SeatingPlan replanned = new WorldCafeSeating(99, 20_000).replan(planned, changed, 2);

        assertEquals(planned.rounds().subList(0, 2), replanned.rounds().subList(0, 2));
        for (Round round : replanned.rounds().subList(2, 4)) {
            assertFalse(round.tableOf("p2").orElseThrow().people().contains("p3"));
        }
        assertEquals(List.of(), replanned.report().repeats(), "later rounds avoid whom people already met");
    }

    @Test
    void personWhoLeftFreesTheirSeatAndIsInNoLaterRound() {
        SeatingPlan after = engine.removePerson(planned, 1, "p7", false);

        assertEquals(List.of("p7"), after.left());
        assertTrue(after.rounds().get(0).tableOf("p7").isPresent(), "they still sat in round 1");
        for (Round round : after.rounds().subList(1, 4)) {
            assertTrue(round.tableOf("p7").isEmpty());
        }
        assertEveryoneSeatedOnce(after, 1);
        assertBalanced(after, 2);
    }

    @Test
    void hostWhoLeavesIsReplacedBySomeoneAtTheirTable() {
        List<String> table = planned.rounds().get(1).table(0).orElseThrow().people();

        SeatingPlan after = engine.removePerson(planned, 1, "p0", false);

        String successor = table.get(1);
        assertEquals(successor, after.setup().hosts().get(0));
        assertEquals(successor, after.rounds().get(1).table(0).orElseThrow().host());
        assertHostsStay(after, 1);
    }

    @Test
    void facilitatorCanNameAnotherHostFromTheTable() {
        String chosen = planned.rounds().get(2).table(1).orElseThrow().people().get(2);

        SeatingPlan after = engine.replaceHost(planned, 2, 1, chosen);

        assertEquals(chosen, after.rounds().get(2).table(1).orElseThrow().people().get(0));
        assertEquals(chosen, after.rounds().get(3).table(1).orElseThrow().host());
        assertHostsStay(after, 2);
    }

    @Test
    void tableLeftWithOnePersonIsMergedIntoAnotherAtTheNextRound() {
        SeatingPlan after = oneLeavesTheLastOfFourPairs(false);

        assertEquals(List.of(stayer), after.rounds().get(0).table(3).orElseThrow().people(), "until round 2");
        for (Round round : after.rounds().subList(1, 3)) {
            assertEquals(3, round.tables().size());
            assertTrue(round.table(3).isEmpty());
        }
        assertEveryoneSeatedOnce(after, 1);
        assertBalanced(after, 1);
    }

    @Test
    void tableLeftWithOnePersonIsMergedAtOnceWhenTheFacilitatorSaysSo() {
        SeatingPlan after = oneLeavesTheLastOfFourPairs(true);

        Round now = after.rounds().get(0);
        assertTrue(now.table(3).isEmpty());
        assertEquals(3, now.tableOf(stayer).orElseThrow().people().size());
        assertEveryoneSeatedOnce(after, 0);
        assertBalanced(after, 0);
    }

    /** Eight people in pairs; one of the fourth pair leaves in round 1, and {@link #stayer} is left alone. */
    private SeatingPlan oneLeavesTheLastOfFourPairs(boolean mergeAtOnce) {
        SeatingPlan pairs = engine.plan(CafeSetup.bySize(roster(8, 4, 2), 2, 3));
        List<String> table = pairs.rounds().get(0).table(3).orElseThrow().people();
        stayer = table.get(1);
        return engine.removePerson(pairs, 0, table.get(0), mergeAtOnce);
    }
}
