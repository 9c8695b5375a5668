package org.colearn.plugin.worldcafe.seating;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A start from design theory for cafés of g equal tables of s: everyone gets a cell (i, j), i a table and j a "class",
 * and in the round numbered x sits at table i + e(j) x, computed in the field of g elements when g is a prime power
 * (else modulo g). Two people of different classes then share a table in at most one of the first g rounds, and two
 * of one class in none of them, so the rounds this yields meet nobody twice; an affine plane of order g gives one more
 * round when s divides g, each class split into tables. Hosts form the class whose e is 0, so they never move; without
 * hosts every e is non-zero, so everyone moves (unless s = g, when one class stays put for the first g rounds). People
 * of one site share a class where they can, so that they never meet. Rounds beyond what the design gives without a
 * repeat are seated greedily.
 */
final class DesignStart {

    private DesignStart() {}

    /**
     * Seats every round from the design and returns true, or returns false, seating nothing, when the café does not
     * have that shape (unequal tables, some tables without a host, someone pinned, more seats per table than tables).
     */
    static boolean seat(Seats seats, SplittableRandom random) {
        Model model = seats.model;
        List<Integer> open = new ArrayList<>(model.open);
        int g = open.size();
        if (model.rounds == 0 || g < 2 || model.people % g != 0) {
            return false;
        }
        int s = model.people / g;
        int[] hostAt = hosts(model, open);
        if (hostAt == null) {
            return false;
        }
        boolean hosted = hostAt[0] >= 0;
        if (s < 2 || s > g) {
            return false;
        }
        int[][] cell = cells(model, open, hostAt, s, random);
        Ring ring = Ring.of(g);
        int[] element = new int[s];
        // Class 0 never moves: the hosts, or, without hosts, nobody unless every element is needed.
        int shift = hosted || s == g ? 0 : 1;
        for (int j = 0; j < s; j++) {
            element[j] = j + shift;
        }
        seats.clear();
        boolean[] met = new boolean[model.people * model.people];
        int designed = 0;
        for (int r = 0; r < model.rounds; r++) {
            int[] table = r < g ? designRound(ring, cell, element, r) : r == g ? classRound(cell, g, s, hosted) : null;
            if (table == null || !firstMeetings(model, table, met, g)) {
                break;
            }
            for (int p = 0; p < model.people; p++) {
                seats.seat(r, p, open.get(table[p]));
            }
            designed++;
        }
        for (int r = designed; r < model.rounds; r++) {
            Construction.greedyRound(seats, r, random);
        }
        return true;
    }

    /** The host of each table in table order, all -1 without hosts, or null when the café is neither. */
    private static int[] hosts(Model model, List<Integer> open) {
        int[] hostAt = new int[open.size()];
        java.util.Arrays.fill(hostAt, -1);
        int fixedCount = 0;
        for (int p = 0; p < model.people; p++) {
            int table = model.fixed[0][p];
            for (int r = 1; r < model.rounds; r++) {
                if (model.fixed[r][p] != table) {
                    return null;
                }
            }
            if (table >= 0) {
                int i = open.indexOf(table);
                if (hostAt[i] >= 0) {
                    return null;
                }
                hostAt[i] = p;
                fixedCount++;
            }
        }
        return fixedCount == 0 || fixedCount == open.size() ? hostAt : null;
    }

    /** Each person's cell: {@code cell[p] = {i, j}}; everyone else fills the classes site by site. */
    private static int[][] cells(Model model, List<Integer> open, int[] hostAt, int s, SplittableRandom random) {
        int g = open.size();
        int[][] cell = new int[model.people][];
        List<Integer> movers = new ArrayList<>();
        for (int p = 0; p < model.people; p++) {
            movers.add(p);
        }
        int first = 0;
        if (hostAt[0] >= 0) {
            for (int i = 0; i < g; i++) {
                cell[hostAt[i]] = new int[] {i, 0};
                movers.remove(Integer.valueOf(hostAt[i]));
            }
            first = 1;
        }
        shuffle(movers, random);
        Map<Integer, List<Integer>> bySite = new LinkedHashMap<>();
        for (int p : movers) {
            bySite.computeIfAbsent(model.site[p] < 0 ? -1 - p : model.site[p], k -> new ArrayList<>()).add(p);
        }
        List<List<Integer>> sites = new ArrayList<>(bySite.values());
        sites.sort(Comparator.comparingInt((List<Integer> site) -> -site.size()));
        int next = 0;
        for (List<Integer> site : sites) {
            for (int p : site) {
                cell[p] = new int[] {next % g, first + next / g};
                next++;
            }
        }
        return cell;
    }

    /** Round x of the design: the table (as a position among the open tables) of each person. */
    private static int[] designRound(Ring ring, int[][] cell, int[] element, int x) {
        int[] table = new int[cell.length];
        for (int p = 0; p < cell.length; p++) {
            table[p] = ring.add(cell[p][0], ring.multiply(element[cell[p][1]], x));
        }
        return table;
    }

    /** The affine plane's last round: each class, who have never met, split into tables in order; null if it cannot. */
    private static int[] classRound(int[][] cell, int g, int s, boolean hosted) {
        if (hosted || g % s != 0) {
            return null;
        }
        int[] table = new int[cell.length];
        for (int p = 0; p < cell.length; p++) {
            table[p] = cell[p][1] * (g / s) + cell[p][0] / s;
        }
        return table;
    }

    /** Records the meetings of a round; false, recording nothing, when two people would meet again. */
    private static boolean firstMeetings(Model model, int[] table, boolean[] met, int g) {
        List<List<Integer>> tables = new ArrayList<>();
        for (int t = 0; t < g; t++) {
            tables.add(new ArrayList<>());
        }
        for (int p = 0; p < table.length; p++) {
            tables.get(table[p]).add(p);
        }
        for (List<Integer> seated : tables) {
            for (int a = 0; a < seated.size(); a++) {
                for (int b = a + 1; b < seated.size(); b++) {
                    if (met[model.pair(seated.get(a), seated.get(b))]) {
                        return false;
                    }
                }
            }
        }
        for (List<Integer> seated : tables) {
            for (int a = 0; a < seated.size(); a++) {
                for (int b = 0; b < seated.size(); b++) {
                    met[model.pair(seated.get(a), seated.get(b))] = true;
                }
            }
        }
        return true;
    }

    private static void shuffle(List<Integer> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            list.set(i, list.set(j, list.get(i)));
        }
    }
}
