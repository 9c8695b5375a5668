package org.colearn.plugin.worldcafe.seating;

import java.util.Arrays;

/**
 * The professions at each table of each planned round, counted so that the search knows in constant time whether a
 * table is mixed and what a move would make of it.
 */
final class Professions {

    private final Model model;
    private final int kinds;
    private final int[][] count;
    private final int[][] distinct;

    Professions(Model model) {
        this.model = model;
        kinds = Math.max(1, model.professions);
        count = new int[model.rounds][model.tables * kinds];
        distinct = new int[model.rounds][model.tables];
    }

    void clear() {
        for (int r = 0; r < model.rounds; r++) {
            Arrays.fill(count[r], 0);
            Arrays.fill(distinct[r], 0);
        }
    }

    /** Whether someone of profession {@code kind} (-1 for none) sits at table {@code t} in round {@code r}. */
    boolean at(int r, int t, int kind) {
        return kind >= 0 && count[r][t * kinds + kind] > 0;
    }

    /** Counts someone of profession {@code kind} in ({@code change} 1) or out (-1) of a table. */
    void add(int r, int t, int kind, int change) {
        if (kind < 0) {
            return;
        }
        int before = count[r][t * kinds + kind];
        count[r][t * kinds + kind] = before + change;
        if (before == 0 && change > 0) {
            distinct[r][t]++;
        } else if (before + change == 0) {
            distinct[r][t]--;
        }
    }

    /** What the table's mix costs with {@code size} people at it. */
    int penalty(int r, int t, int size) {
        return size > 0 && distinct[r][t] < model.mixTarget ? model.weights.professionMix() : 0;
    }

    /** What the table's mix would cost after someone of {@code losing} leaves and someone of {@code gaining} joins. */
    int penaltyAfter(int r, int t, int losing, int gaining) {
        int after = distinct[r][t];
        if (losing >= 0 && count[r][t * kinds + losing] == 1) {
            after--;
        }
        if (gaining >= 0 && count[r][t * kinds + gaining] == 0) {
            after++;
        }
        return after < model.mixTarget ? model.weights.professionMix() : 0;
    }
}
