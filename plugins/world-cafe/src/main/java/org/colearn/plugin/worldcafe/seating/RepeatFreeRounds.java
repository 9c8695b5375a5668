package org.colearn.plugin.worldcafe.seating;

/**
 * How many rounds of a café can at most be free of repeats, and why no more: a round seats so many pairs of
 * tablemates and the people here make only so many pairs; each person meets at least so many new people a round; and
 * with a host who stays at every table, each person who moves meets one host a round and there are only so many.
 * An upper bound: the seating may reach fewer in a café with other rules (pins, pairs kept apart).
 *
 * @param rounds the most rounds without a repeat, at least 1
 * @param reason why no more, in a sentence for the facilitator
 */
public record RepeatFreeRounds(int rounds, String reason) {

    /**
     * The bound for {@code people} at {@code tables} balanced tables (sizes within one), with or without a host who
     * stays at every table.
     */
    public static RepeatFreeRounds of(int people, int tables, boolean hostAtEveryTable) {
        int g = Math.max(1, Math.min(tables, people / 2));
        if (g == 1) {
            return new RepeatFreeRounds(1, "everyone sits at one table");
        }
        int small = people / g;
        int larger = people % g;
        long pairsPerRound = (long) larger * (small + 1) * small / 2 + (long) (g - larger) * small * (small - 1) / 2;
        long allPairs = (long) people * (people - 1) / 2;
        RepeatFreeRounds best = new RepeatFreeRounds((int) Math.min(Integer.MAX_VALUE, allPairs / pairsPerRound),
                "each round seats " + pairsPerRound + " pairs of tablemates, and " + people + " people make only "
                        + allPairs + " pairs");
        int byPerson = (people - 1) / (small - 1);
        if (byPerson < best.rounds()) {
            best = new RepeatFreeRounds(byPerson, "each person meets at least " + (small - 1)
                    + " new people a round, and there are only " + (people - 1) + " others");
        }
        if (hostAtEveryTable && people > g && g < best.rounds()) {
            best = new RepeatFreeRounds(g, "each person who moves meets one of the " + g
                    + " hosts every round, and the hosts stay at their tables");
        }
        return best;
    }
}
