package org.colearn.plugin.worldcafe.seating;

import java.util.SplittableRandom;

/**
 * The constructive start: in each round, everyone fixed takes their seat, then everyone else in a random order takes
 * the open seat where they cost least given who already sits there (ties broken at random), preferring tables
 * without their profession yet.
 */
final class Construction {

    private Construction() {}

    static void greedy(Seats seats, SplittableRandom random) {
        Model model = seats.model;
        seats.clear();
        for (int r = 0; r < model.rounds; r++) {
            greedyRound(seats, r, random);
        }
    }

    /** Seats round {@code r} greedily, given whoever already sits in the other rounds. */
    static void greedyRound(Seats seats, int r, SplittableRandom random) {
        Model model = seats.model;
        int[] order = new int[model.people];
        int count = 0;
        for (int p = 0; p < model.people; p++) {
            if (model.movable(r, p)) {
                order[count++] = p;
            } else {
                seats.seat(r, p, model.fixed[r][p]);
            }
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        for (int i = 0; i < count; i++) {
            seats.seat(r, order[i], cheapestTable(seats, r, order[i], random));
        }
    }

    /**
     * The table with a free seat where {@code p} costs least, ties broken at random. Without pairs kept together no
     * seat costs less than nothing, so the first free table that costs nothing, from a random one on, is taken at once:
     * in a large café most people find one after a few tables instead of weighing them all.
     */
    private static int cheapestTable(Seats seats, int r, int p, SplittableRandom random) {
        Model model = seats.model;
        boolean nothingIsCheaper = model.keepTogetherOffset == 0;
        long cheapest = Long.MAX_VALUE;
        int choice = -1;
        int ties = 0;
        int first = random.nextInt(model.tables);
        for (int k = 0; k < model.tables; k++) {
            int t = (first + k) % model.tables;
            if (seats.size[r][t] >= model.capacity[r][t]) {
                continue;
            }
            long cost = seats.joiningTable(r, p, t) + (seats.professionAt(r, t, p) ? model.weights.professionMix() : 0);
            if (cost == 0 && nothingIsCheaper) {
                return t;
            }
            if (cost < cheapest) {
                cheapest = cost;
                choice = t;
                ties = 1;
            } else if (cost == cheapest && random.nextInt(++ties) == 0) {
                choice = t;
            }
        }
        return choice;
    }
}
