package org.colearn.plugin.worldcafe.seating;

import java.util.List;

/**
 * One table in one round: its index (stable across rounds, so "table 3" is always the same breakout room), its host
 * and the people seated there, the host first.
 *
 * @param index the table index, from 0
 * @param host the id of the host, or null when the table has none
 * @param people the ids of everyone at the table, the host first
 */
public record Table(int index, String host, List<String> people) {

    public Table {
        people = List.copyOf(people);
    }
}
