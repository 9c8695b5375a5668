package org.colearn.plugin.worldcafe.seating;

import java.util.List;
import java.util.Optional;

/**
 * The seating of one round: its open tables in index order (a table merged into others is no longer listed).
 *
 * @param tables the open tables, in index order
 */
public record Round(List<Table> tables) {

    public Round {
        tables = List.copyOf(tables);
    }

    /** The table where this person sits in this round, if they are seated. */
    public Optional<Table> tableOf(String personId) {
        return tables.stream().filter(table -> table.people().contains(personId)).findFirst();
    }

    /** The table with this index, if it is open in this round. */
    public Optional<Table> table(int index) {
        return tables.stream().filter(table -> table.index() == index).findFirst();
    }
}
