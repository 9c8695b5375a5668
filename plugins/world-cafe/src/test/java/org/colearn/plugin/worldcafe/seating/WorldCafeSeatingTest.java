package org.colearn.plugin.worldcafe.seating;

import static org.colearn.plugin.worldcafe.seating.Cafes.anonymous;
import static org.colearn.plugin.worldcafe.seating.Cafes.assertHardRules;
import static org.colearn.plugin.worldcafe.seating.Cafes.roster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorldCafeSeatingTest {

    final WorldCafeSeating engine = new WorldCafeSeating(7, 50_000);

    @Test
    void sixteenPeopleAtFourTablesMeetNobodyTwiceInFiveRounds() {
        SeatingPlan plan = engine.plan(CafeSetup.bySize(anonymous(16), 4, 5));

        assertHardRules(plan);
        assertEquals(4, plan.rounds().get(0).tables().size());
        assertEquals(List.of(), plan.report().repeats());
    }

    @Test
    void ninePeopleAtThreeTablesMeetNobodyTwiceInFourRounds() {
        SeatingPlan plan = engine.plan(CafeSetup.byTables(anonymous(9), 3, 4));

        assertHardRules(plan);
        assertEquals(List.of(), plan.report().repeats());
    }

    @Test
    void thirtyTwoPeopleAtEightTablesOfFourMeetNineRoundsWithoutRepeats() {
        SeatingPlan plan = engine.plan(CafeSetup.bySize(anonymous(32), 4, 9));

        assertHardRules(plan);
        assertEquals(8, plan.rounds().get(0).tables().size());
        assertEquals(List.of(), plan.report().repeats());
    }

    @Test
    void thirtyTwoPeopleAtEightTablesOfFourWithHostsWhoStayMeetEightRoundsWithoutRepeats() {
        // Eight rounds is the most: in a ninth, each of the 24 who move would sit with one of the 8 hosts again.
        Map<Integer, String> hosts = new java.util.HashMap<>();
        for (int t = 0; t < 8; t++) {
            hosts.put(t, "p" + t);
        }
        SeatingPlan plan = engine.plan(CafeSetup.bySize(anonymous(32), 4, 8).withHosts(hosts));

        assertHardRules(plan);
        assertEquals(List.of(), plan.report().repeats());
        for (int p = 8; p < 32; p++) {
            String mover = "p" + p;
            assertEquals(8, plan.rounds().stream().map(round -> round.tableOf(mover).orElseThrow().index()).distinct()
                    .count(), mover + " sits at every table once");
        }
    }

    @Test
    void withoutAnySearchSixteenPeopleAtFourTablesMeetEveryoneElseExactlyOnceInFiveRounds() {
        // An affine plane of order 4: 5 rounds of 4 tables of 4 hold all 120 pairs of 16 people once each.
        SeatingPlan plan = new WorldCafeSeating(3, 0).plan(CafeSetup.bySize(anonymous(16), 4, 5));

        assertHardRules(plan);
        assertEquals(List.of(), plan.report().repeats());
        long pairs = plan.rounds().stream().flatMap(round -> round.tables().stream())
                .mapToLong(table -> table.people().size() * (table.people().size() - 1) / 2).sum();
        assertEquals(120, pairs);
    }

    @Test
    void sixPeopleAtTwoTablesForFourRoundsRepeatOnlyWhatCannotBeAvoided() {
        SeatingPlan plan = engine.plan(CafeSetup.bySize(anonymous(6), 3, 4));

        // Each person has five possible tablemates and eight seats beside someone: at least three repeats each, so
        // nine in all. Every seating with nine keeps one pair together in all four rounds and six pairs in two.
        SeatingReport report = plan.report();
        assertEquals(9, report.repeatCount());
        assertEquals(7, report.repeats().size());
        assertEquals(1, report.repeats().stream().filter(r -> r.rounds().equals(List.of(0, 1, 2, 3))).count());
        assertTrue(report.summary().startsWith("9 repeat meetings: "), report.summary());
    }

    @Test
    void hostStaysAtTheirTableEveryRound() {
        SeatingPlan plan = engine.plan(CafeSetup.bySize(roster(20, 5, 2), 4, 4)
                .withHosts(Map.of(0, "p3", 2, "p7", 4, "p11")));

        assertHardRules(plan);
        for (Round round : plan.rounds()) {
            assertEquals("p3", round.table(0).orElseThrow().host());
            assertEquals(List.of("p3", "p7", "p11"), List.of(round.table(0).orElseThrow().people().get(0),
                    round.table(2).orElseThrow().people().get(0), round.table(4).orElseThrow().people().get(0)));
            assertEquals(null, round.table(1).orElseThrow().host());
        }
        assertEquals(List.of(), plan.report().repeats(), "hosts meet new people every round");
    }

    @Test
    void tableSizesNeverDifferByMoreThanOne() {
        SeatingPlan plan = engine.plan(CafeSetup.bySize(roster(23, 3, 3), 5, 3));

        assertHardRules(plan);
        assertEquals(List.of(5, 5, 5, 4, 4), plan.rounds().get(0).tables().stream()
                .map(t -> t.people().size()).sorted((a, b) -> b - a).toList());
    }

    @Test
    void tableSizesMayChangeBetweenRoundsSoNobodyMeetsTwice() {
        // Seven people, three hosts who stay: one table of three and two of two in each round. If the same table
        // were the larger in every round, its host would need six newcomers from only four who move.
        Map<Integer, String> hosts = Map.of(0, "p0", 1, "p1", 2, "p2");
        SeatingPlan plan = engine.plan(CafeSetup.bySize(anonymous(7), 3, 3).withHosts(hosts));

        assertHardRules(plan);
        assertEquals(List.of(), plan.report().repeats());
        for (int table = 0; table < 3; table++) {
            int index = table;
            assertEquals(1, plan.rounds().stream()
                    .filter(round -> round.table(index).orElseThrow().people().size() == 3).count(),
                    "rounds in which table " + (table + 1) + " seats three");
        }
    }

    @Test
    void pairsKeptApartNeverShareATable() {
        List<Pair> apart = List.of(Pair.of("p0", "p1"), Pair.of("p0", "p2"), Pair.of("p1", "p2"), Pair.of("p5", "p9"));
        SeatingPlan plan = engine.plan(CafeSetup.bySize(anonymous(12), 4, 3).withKeepApart(apart));

        assertHardRules(plan);
    }

    @Test
    void pairsKeptTogetherShareATableEveryRoundWithoutCountingAsRepeats() {
        // With four tables of four this could not be: a pair that stays together forces a repeat in round 2.
        SeatingPlan plan = engine.plan(CafeSetup.bySize(anonymous(20), 4, 3)
                .withKeepTogether(List.of(Pair.of("p0", "p5"))));

        for (Round round : plan.rounds()) {
            assertTrue(round.tableOf("p0").orElseThrow().people().contains("p5"));
        }
        assertEquals(List.of(), plan.report().separated());
        assertEquals(List.of(), plan.report().repeats());
    }

    @Test
    void pinnedPeopleSitWhereTheFacilitatorPutThem() {
        SeatingPlan plan = engine.plan(CafeSetup.bySize(anonymous(12), 4, 3)
                .withPins(List.of(Pin.everyRound("p4", 1), Pin.inRound("p8", 2, 1))));

        assertHardRules(plan);
        plan.rounds().forEach(round -> assertEquals(1, round.tableOf("p4").orElseThrow().index()));
        assertEquals(2, plan.rounds().get(1).tableOf("p8").orElseThrow().index());
    }

    @Test
    void theSameSeedGivesTheSameSeating() {
        CafeSetup setup = CafeSetup.bySize(roster(40, 6, 3), 5, 4).withHosts(Map.of(0, "p1"));

        assertEquals(new WorldCafeSeating(11, 2_000).plan(setup), new WorldCafeSeating(11, 2_000).plan(setup));
        assertNotEquals(new WorldCafeSeating(11, 0).plan(setup).rounds(),
                new WorldCafeSeating(12, 0).plan(setup).rounds(), "another seed seats people elsewhere");
    }

    @Test
    void sitesAreMixedAtEveryTableWhenTheRosterAllowsIt() {
        SeatingPlan plan = engine.plan(CafeSetup.bySize(roster(24, 4, 0), 4, 3));

        assertEquals(6, plan.rounds().get(0).tables().size());
        assertEquals(List.of(), plan.report().sameSitePairs());
        for (Table table : plan.rounds().get(0).tables()) {
            assertEquals(4, table.people().stream().map(id -> "site" + Integer.parseInt(id.substring(1)) % 4)
                    .distinct().count(), "sites at table " + (table.index() + 1));
        }
    }

    @Test
    void peopleFromFewSitesMeetNoMoreColleaguesThanTheRosterForces() {
        // 30 people from each of 4 sites at 20 tables: in each round at least 10 tables hold two of a site, 40 pairs.
        SeatingPlan plan = engine.plan(CafeSetup.bySize(roster(120, 4, 4), 6, 6));

        assertHardRules(plan);
        assertEquals(List.of(), plan.report().repeats());
        assertEquals(6 * 40, plan.report().sameSitePairCount());
    }

    @Test
    void everyTableHasAMixOfProfessionsWhenTheRosterAllowsIt() {
        // Three nurses to every manager: each table of four needs its manager.
        List<Person> people = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            people.add(new Person("p" + i, "site" + (i % 4), i < 4 ? "manager" : "nurse"));
        }
        SeatingPlan plan = engine.plan(CafeSetup.bySize(people, 4, 3));

        assertEquals(List.of(), plan.report().unmixedTables());
        plan.rounds().forEach(round -> round.tables().forEach(table -> assertEquals(1,
                table.people().stream().filter(id -> Integer.parseInt(id.substring(1)) < 4).count())));
    }

    @Test
    void peopleWhoMetInEarlierSessionsAreSeatedApart() {
        List<PriorMeeting> prior = List.of(new PriorMeeting(Pair.of("p0", "p1"), 2),
                new PriorMeeting(Pair.of("p2", "p3"), 1));
        SeatingPlan plan = engine.plan(CafeSetup.bySize(anonymous(16), 4, 3).withPriorMeetings(prior));

        assertEquals(List.of(), plan.report().priorRepeats());
        assertEquals(List.of(), plan.report().repeats());
    }

    @Test
    void tooManyPeoplePinnedToOneTableIsRefusedWithAClearMessage() {
        CafeSetup setup = CafeSetup.bySize(anonymous(8), 4, 2).withPins(List.of(Pin.everyRound("p0", 0),
                Pin.everyRound("p1", 0), Pin.everyRound("p2", 0), Pin.everyRound("p3", 0), Pin.everyRound("p4", 0)));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> engine.plan(setup));
        assertEquals("Table 1 has 5 people fixed to it in round 1 but only 4 seats: tables must stay within one "
                + "person of each other.", refused.getMessage());
    }

    @Test
    void aReportWithNothingToSayTellsTheFacilitatorSo() {
        SeatingPlan plan = engine.plan(CafeSetup.bySize(roster(9, 3, 3), 3, 2));

        assertTrue(plan.report().perfect(), plan.report().summary());
        assertEquals("Every mixing rule is met.", plan.report().summary());
    }
}
