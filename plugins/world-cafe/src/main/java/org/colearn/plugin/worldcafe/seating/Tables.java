package org.colearn.plugin.worldcafe.seating;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Which tables are open in the rounds left to plan, and how many seats each has, so that sizes stay within one. */
final class Tables {

    private Tables() {}

    /**
     * The tables open from the first round to plan: at the start all of them; later, those that still hold two
     * people or more (a table left with one is merged into the others), plus as many as it takes to keep within the
     * table size when people joined, minus any that would seat fewer than two.
     */
    static Set<Integer> openFor(CafeSetup setup, List<Round> fixedRounds, Set<String> present, int people) {
        TreeSet<Integer> open = new TreeSet<>();
        if (fixedRounds.isEmpty()) {
            for (int t = 0; t < setup.initialTables(); t++) {
                open.add(t);
            }
            for (int table : setup.hosts().keySet()) {
                if (!open.contains(table)) {
                    throw new IllegalArgumentException("There is no table " + (table + 1) + " to host.");
                }
            }
        } else {
            for (Table table : fixedRounds.get(fixedRounds.size() - 1).tables()) {
                if (table.people().stream().filter(present::contains).count() >= 2) {
                    open.add(table.index());
                }
            }
        }
        if (open.isEmpty()) {
            open.add(0);
        }
        while (setup.tableSize() > 0 && ceilDiv(people, open.size()) > setup.tableSize()) {
            int next = 0;
            while (open.contains(next)) {
                next++;
            }
            open.add(next);
        }
        while (people < 2 * open.size()) {
            // Close a table without a host first, the last opened first.
            Integer closing = open.descendingSet().stream().filter(t -> !setup.hosts().containsKey(t)).findFirst()
                    .orElse(open.last());
            open.remove(closing);
        }
        return open;
    }

    /**
     * Seats per table in one round: everyone gets a seat and sizes differ by at most one. The larger tables are
     * those that need the seat for the people fixed to them, then those with the most fixed people.
     */
    static int[] capacities(int[] fixedTable, Set<Integer> open, int tables, int people, int round) {
        int[] fixedCount = new int[tables];
        for (int table : fixedTable) {
            if (table >= 0) {
                fixedCount[table]++;
            }
        }
        int small = people / open.size();
        int larger = people % open.size();
        List<Integer> order = new ArrayList<>(open);
        order.sort(Comparator.comparingInt((Integer t) -> -fixedCount[t]).thenComparingInt(t -> t));
        int[] capacity = new int[tables];
        for (int i = 0; i < order.size(); i++) {
            int table = order.get(i);
            capacity[table] = small + (i < larger ? 1 : 0);
            if (fixedCount[table] > capacity[table]) {
                throw new IllegalArgumentException("Table " + (table + 1) + " has " + fixedCount[table]
                        + " people fixed to it in round " + (round + 1) + " but only " + capacity[table]
                        + " seats: tables must stay within one person of each other.");
            }
        }
        return capacity;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
