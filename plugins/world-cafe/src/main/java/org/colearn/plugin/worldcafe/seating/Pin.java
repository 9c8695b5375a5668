package org.colearn.plugin.worldcafe.seating;

import java.util.Objects;

/**
 * A person the facilitator fixes to a table, for every round or for one round. A pin to a table that has been
 * closed (merged into others) is ignored from then on.
 *
 * @param personId who is pinned
 * @param table the table index, from 0
 * @param round the round index, from 0, or {@link #EVERY_ROUND}
 */
public record Pin(String personId, int table, int round) {

    /** The round of a pin that holds in every round. */
    public static final int EVERY_ROUND = -1;

    public Pin {
        Objects.requireNonNull(personId, "personId");
        if (table < 0 || round < EVERY_ROUND) {
            throw new IllegalArgumentException("A pin needs a table and a round from 0: " + personId);
        }
    }

    public static Pin everyRound(String personId, int table) {
        return new Pin(personId, table, EVERY_ROUND);
    }

    public static Pin inRound(String personId, int table, int round) {
        return new Pin(personId, table, round);
    }

    boolean holdsIn(int someRound) {
        return round == EVERY_ROUND || round == someRound;
    }
}
