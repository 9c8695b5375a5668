package org.colearn.plugin.worldcafe.seating;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeatsTest {

    @Test
    void theRunningCostOfASeatingMatchesACountFromScratchAfterEverySwapAndEveryMoveToASmallerTable() {
        // 30 people at four tables: two of 8 and two of 7 in every round, whichever tables the larger are.
        CafeSetup setup = CafeSetup.byTables(Cafes.roster(30, 5, 3), 4, 5)
                .withHosts(Map.of(1, "p2"))
                .withPriorMeetings(List.of(new PriorMeeting(Pair.of("p0", "p1"), 2)))
                .withKeepTogether(List.of(Pair.of("p3", "p4")))
                .withKeepApart(List.of(Pair.of("p5", "p6")));
        Seats seats = new Seats(new Model(setup, List.of(), Set.of()));
        SplittableRandom random = new SplittableRandom(3);
        Construction.greedy(seats, random);
        assertEquals(seats.recount(), seats.cost(), "after the greedy start");
        for (int i = 0; i < 2_000; i++) {
            int round = random.nextInt(5);
            int p = random.nextInt(30);
            int q = random.nextInt(30);
            int to = seats.tableOf(round, q);
            long before = seats.cost();
            if (seats.canMove(round, p, to)) {
                long delta = seats.moveDelta(round, p, to);
                seats.move(round, p, to);
                assertEquals(before + delta, seats.cost());
                assertEquals(seats.recount(), seats.cost(), "after move " + i);
                assertEquals(Set.of(7, 8), sizes(seats, round), "sizes after move " + i);
            } else if (seats.tableOf(round, p) != to) {
                long delta = seats.swapDelta(round, p, q);
                seats.swap(round, p, q);
                assertEquals(before + delta, seats.cost());
                assertEquals(seats.recount(), seats.cost(), "after swap " + i);
            }
        }
    }

    private static Set<Integer> sizes(Seats seats, int round) {
        Set<Integer> sizes = new java.util.HashSet<>();
        for (int t = 0; t < 4; t++) {
            sizes.add(seats.size[round][t]);
        }
        return sizes;
    }
}
