package org.colearn.plugin.worldcafe.seating;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeatsTest {

    @Test
    void theRunningCostOfASeatingMatchesACountFromScratchAfterEverySwap() {
        CafeSetup setup = CafeSetup.bySize(Cafes.roster(30, 5, 3), 4, 5)
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
            if (seats.tableOf(round, p) == seats.tableOf(round, q)) {
                continue;
            }
            long before = seats.cost();
            long delta = seats.swapDelta(round, p, q);
            seats.swap(round, p, q);
            assertEquals(before + delta, seats.cost());
            assertEquals(seats.recount(), seats.cost(), "after swap " + i);
        }
    }
}
