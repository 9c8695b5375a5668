package org.colearn.plugin.worldcafe.seating;

import java.util.SplittableRandom;

/**
 * Seats everyone (greedily or from {@link DesignStart}), then improves the seating by swapping two people of one round,
 * as Dotú and Van Hentenryck do for social golfers: take someone in conflict, make the best swap that is not tabu (or
 * beats the best seating so far), forbid each of the two to go back to the table they left for a few steps, and when
 * the best seating has not improved for a while, go back to it and shake it with a few random swaps. Besides swaps,
 * someone at one of a round's largest tables may move alone to one of its smallest: the two tables trade sizes, so
 * sizes stay within one throughout while which tables are the larger changes from round to round.
 */
final class TabuSearch {

    private static final int NOISE_PER_MILLE = 30;

    private final Seats seats;
    private final Model model;
    private final SplittableRandom random;
    private final int[][] movable;
    /** Until when someone may not go back, in a round, to the table they last left. */
    private final int[][] tabuUntil;
    private final int[][] lastTable;
    private final int[][] best;
    private long bestCost;
    private final int[] conflicts;
    private final int[] conflictRounds;
    private final long[] joining;

    TabuSearch(Seats seats, SplittableRandom random) {
        this.seats = seats;
        this.model = seats.model;
        this.random = random;
        movable = new int[model.rounds][];
        for (int r = 0; r < model.rounds; r++) {
            int round = r;
            movable[r] = java.util.stream.IntStream.range(0, model.people).filter(p -> model.movable(round, p))
                    .toArray();
        }
        tabuUntil = new int[model.rounds][model.people];
        lastTable = new int[model.rounds][model.people];
        best = new int[model.rounds][model.people];
        // About 20,000 swaps weighed per step, whatever the size of the café.
        int conflictsPerStep = Math.max(2, 20_000 / model.people);
        conflicts = new int[conflictsPerStep];
        conflictRounds = new int[conflictsPerStep];
        joining = new long[model.tables];
    }

    /**
     * Seats everyone (from the design when the café has its shape and that costs less than the greedy start), then
     * searches for at most {@code iterations} steps; leaves the best seating found.
     */
    void run(long iterations) {
        Construction.greedy(seats, random);
        remember();
        if (bestCost > seats.bound() && DesignStart.seat(seats, random.split())) {
            if (seats.cost() < bestCost) {
                remember();
            } else {
                restoreBest();
            }
        }
        long stallLimit = Math.max(1_000, 4L * model.people);
        long lastImprovement = 0;
        long limit = Math.min(iterations, Integer.MAX_VALUE / 2);
        boolean moved = false;
        for (int iteration = 1; iteration <= limit && bestCost > seats.bound(); iteration++) {
            if (!step(iteration)) {
                break;
            }
            moved = true;
            if (seats.cost() < bestCost) {
                remember();
                lastImprovement = iteration;
            } else if (iteration - lastImprovement > stallLimit) {
                restoreBest();
                perturb();
                lastImprovement = iteration;
            }
        }
        if (moved) {
            restoreBest();
        }
    }

    /**
     * Makes the best allowed swap that moves someone in conflict, over all rounds; false when nobody who may move is
     * in conflict. In a large café it weighs only some of the people in conflict, so that a step stays cheap.
     */
    private boolean step(int iteration) {
        int count = conflicted();
        if (count == 0) {
            return false;
        }
        // Now and then a random swap of someone in conflict: it breaks the cycles that tabu alone lets through.
        if (random.nextInt(1000) < NOISE_PER_MILLE) {
            int i = random.nextInt(count);
            int[] candidates = movable[conflictRounds[i]];
            int other = candidates[random.nextInt(candidates.length)];
            if (seats.tableOf(conflictRounds[i], other) != seats.tableOf(conflictRounds[i], conflicts[i])) {
                seats.swap(conflictRounds[i], conflicts[i], other);
            }
            return true;
        }
        long bestDelta = Long.MAX_VALUE;
        int bestRound = -1;
        int bestPerson = -1;
        // Someone to swap with, or -1 - t for a move alone to table t.
        int bestPartner = 0;
        int ties = 0;
        for (int i = 0; i < count; i++) {
            int round = conflictRounds[i];
            int person = conflicts[i];
            boolean personTabu = tabuUntil[round][person] >= iteration;
            int personLeft = personTabu ? lastTable[round][person] : -1;
            int from = seats.tableOf(round, person);
            long leaving = seats.leavingTable(round, person, -1);
            for (int t = 0; t < model.tables; t++) {
                joining[t] = t == from || model.capacity[round][t] == 0 ? 0 : seats.joiningTable(round, person, t);
                if (!seats.canMove(round, person, t)) {
                    continue;
                }
                long delta = seats.moveDelta(round, person, t, joining[t], leaving);
                if (delta > bestDelta || personLeft == t && seats.cost() + delta >= bestCost) {
                    continue;
                }
                if (delta < bestDelta) {
                    bestDelta = delta;
                    ties = 1;
                } else if (random.nextInt(++ties) != 0) {
                    continue;
                }
                bestRound = round;
                bestPerson = person;
                bestPartner = -1 - t;
            }
            for (int other : movable[round]) {
                int to = seats.tableOf(round, other);
                if (to == from) {
                    continue;
                }
                long delta = seats.swapDelta(round, person, other, joining[to], leaving);
                if (delta > bestDelta) {
                    continue;
                }
                boolean tabu = personLeft == to
                        || tabuUntil[round][other] >= iteration && lastTable[round][other] == from;
                if (tabu && seats.cost() + delta >= bestCost) {
                    continue;
                }
                if (delta < bestDelta) {
                    bestDelta = delta;
                    ties = 1;
                } else if (random.nextInt(++ties) != 0) {
                    continue;
                }
                bestRound = round;
                bestPerson = person;
                bestPartner = other;
            }
        }
        if (bestPerson >= 0) {
            int tenure = 3 + random.nextInt(Math.max(2, movable[bestRound].length / 4));
            lastTable[bestRound][bestPerson] = seats.tableOf(bestRound, bestPerson);
            tabuUntil[bestRound][bestPerson] = iteration + tenure;
            if (bestPartner < 0) {
                seats.move(bestRound, bestPerson, -1 - bestPartner);
            } else {
                lastTable[bestRound][bestPartner] = seats.tableOf(bestRound, bestPartner);
                tabuUntil[bestRound][bestPartner] = iteration + tenure;
                seats.swap(bestRound, bestPerson, bestPartner);
            }
        }
        return true;
    }

    /**
     * Gathers the people who may move and are in conflict, round by round from a random round and a random person,
     * at most {@link #conflictsPerStep}; returns how many.
     */
    private int conflicted() {
        int count = 0;
        int firstRound = random.nextInt(model.rounds);
        for (int k = 0; k < model.rounds && count < conflicts.length; k++) {
            int round = (firstRound + k) % model.rounds;
            int[] candidates = movable[round];
            int start = candidates.length == 0 ? 0 : random.nextInt(candidates.length);
            for (int i = 0; i < candidates.length && count < conflicts.length; i++) {
                int p = candidates[(start + i) % candidates.length];
                if (seats.inConflict(round, p)) {
                    conflictRounds[count] = round;
                    conflicts[count++] = p;
                }
            }
        }
        return count;
    }

    private void perturb() {
        int swaps = 1 + random.nextInt(Math.max(1, model.rounds));
        for (int i = 0; i < swaps; i++) {
            int round = random.nextInt(model.rounds);
            int[] candidates = movable[round];
            if (candidates.length < 2) {
                continue;
            }
            int p = candidates[random.nextInt(candidates.length)];
            int q = candidates[random.nextInt(candidates.length)];
            int to = seats.tableOf(round, q);
            if (seats.canMove(round, p, to)) {
                seats.move(round, p, to);
            } else if (seats.tableOf(round, p) != to) {
                seats.swap(round, p, q);
            }
        }
    }

    private void remember() {
        for (int r = 0; r < model.rounds; r++) {
            System.arraycopy(seats.at[r], 0, best[r], 0, model.people);
        }
        bestCost = seats.cost();
    }

    private void restoreBest() {
        seats.clear();
        for (int r = 0; r < model.rounds; r++) {
            for (int p = 0; p < model.people; p++) {
                seats.seat(r, p, best[r][p]);
            }
        }
    }
}
