package org.colearn.server.improvement.charts;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The limits of too few and too many runs against the distribution they come from: the number of runs of n1 points
 * above and n2 below the median when their order is random (Swed &amp; Eisenhart, "Tables for testing randomness of
 * grouping in a sequence of alternatives", Ann Math Stat 1943;14:66–87). The test counts the orders itself, one point
 * at a time, without the closed formula the code uses, and takes a number of runs as too few (too many) when it and
 * all fewer (more) happen in at most 2.5% of the orders: the 5% two-sided critical values that Swed and Eisenhart
 * tabulate and that Siegel reprints (Nonparametric Statistics, 1956, Table F).
 */
class RunsTableTest {

    /**
     * Perla, Provost &amp; Murray, "The run chart: a simple analytical tool for learning from variation in healthcare
     * processes", BMJ Qual Saf 2011;20:46–51, Table 1: {lower, upper} for 10, 11, ... 60 useful points.
     */
    private static final int[][] PERLA = {
        {3, 9}, {3, 10}, {3, 11}, {4, 11}, {4, 12}, {5, 12}, {5, 13}, {5, 13}, {6, 14}, {6, 15},
        {6, 16}, {7, 16}, {7, 17}, {7, 17}, {8, 18}, {8, 18}, {9, 19}, {10, 19}, {10, 20}, {10, 20},
        {11, 21}, {11, 22}, {11, 23}, {12, 23}, {12, 24}, {13, 24}, {13, 25}, {13, 25}, {14, 26}, {14, 26},
        {15, 27}, {15, 27}, {16, 28}, {16, 28}, {17, 29}, {17, 30}, {17, 31}, {18, 31}, {18, 32}, {19, 32},
        {19, 33}, {20, 33}, {20, 34}, {21, 35}, {21, 35}, {22, 36}, {22, 36}, {23, 37}, {23, 38}, {24, 38},
        {24, 39},
    };

    @Test
    void everyRowIsTheExactCriticalNumberOfRunsAtTwoAndAHalfPercentInEachTail() {
        List<Executable> rows = new ArrayList<>();
        for (int n = RunsTable.SMALLEST; n <= RunsTable.LARGEST; n++) {
            int useful = n;
            BigInteger[] orders = ordersByRuns(n / 2, n - n / 2);
            int fewest = fewestNotRejected(orders);
            int most = mostNotRejected(orders);
            rows.add(() -> assertEquals(fewest, RunsTable.fewest(useful), useful + " points: fewest runs"));
            rows.add(() -> assertEquals(most, RunsTable.most(useful), useful + " points: most runs"));
        }
        assertAll(rows);
    }

    @Test
    void equalGroupsGiveSwedAndEisenhartsPublishedCriticalValues() {
        // Siegel, Table F (from Swed & Eisenhart): with n1 = n2 = m, r at or below F_I or at or above F_II is
        // significant at 5%: m = 5: 2 and 10; m = 10: 6 and 16; m = 15: 10 and 22; m = 20: 14 and 28.
        assertAll(
                () -> assertEquals(List.of(3, 9), limits(10)),
                () -> assertEquals(List.of(7, 15), limits(20)),
                () -> assertEquals(List.of(11, 21), limits(30)),
                () -> assertEquals(List.of(15, 27), limits(40)));
    }

    @Test
    void theHealthcareTableQuotedByPerlaProvostAndMurrayDiffersByOneRunInEighteenRows() {
        Set<Integer> differing = new TreeSet<>();
        for (int n = RunsTable.SMALLEST; n <= RunsTable.LARGEST; n++) {
            int[] published = PERLA[n - RunsTable.SMALLEST];
            assertTrue(Math.abs(published[0] - RunsTable.fewest(n)) <= 1, n + " points: fewest");
            assertTrue(Math.abs(published[1] - RunsTable.most(n)) <= 1, n + " points: most");
            if (published[0] != RunsTable.fewest(n) || published[1] != RunsTable.most(n)) {
                differing.add(n);
            }
        }
        assertEquals(Set.of(11, 12, 17, 20, 22, 23, 25, 29, 32, 37, 41, 43, 53, 55, 57, 58, 59, 60), differing);
    }

    @Test
    void theLimitsNeverFallAsThePointsGrow() {
        for (int n = RunsTable.SMALLEST + 1; n <= RunsTable.LARGEST; n++) {
            assertTrue(RunsTable.fewest(n) >= RunsTable.fewest(n - 1), "fewest at " + n);
            assertTrue(RunsTable.most(n) >= RunsTable.most(n - 1), "most at " + n);
            assertTrue(RunsTable.fewest(n) < RunsTable.most(n), n + " points");
        }
    }

    private static List<Integer> limits(int useful) {
        return List.of(RunsTable.fewest(useful), RunsTable.most(useful));
    }

    /**
     * How many of the orders of {@code above} points above and {@code below} below the median have each number of
     * runs, counted by placing the points one at a time: ways[a][b][side][r] orders of a points above and b below
     * end on that side with r runs.
     */
    private static BigInteger[] ordersByRuns(int above, int below) {
        int n = above + below;
        BigInteger[][][][] ways = new BigInteger[above + 1][below + 1][2][n + 1];
        for (BigInteger[][][] byBelow : ways) {
            for (BigInteger[][] bySide : byBelow) {
                for (BigInteger[] byRuns : bySide) {
                    Arrays.fill(byRuns, BigInteger.ZERO);
                }
            }
        }
        ways[1][0][0][1] = BigInteger.ONE;
        if (below > 0) {
            ways[0][1][1][1] = BigInteger.ONE;
        }
        for (int a = 0; a <= above; a++) {
            for (int b = 0; b <= below; b++) {
                for (int side = 0; side < 2; side++) {
                    for (int r = 1; r <= n; r++) {
                        BigInteger w = ways[a][b][side][r];
                        if (w.signum() == 0) {
                            continue;
                        }
                        if (a < above) {
                            ways[a + 1][b][0][side == 0 ? r : r + 1] =
                                    ways[a + 1][b][0][side == 0 ? r : r + 1].add(w);
                        }
                        if (b < below) {
                            ways[a][b + 1][1][side == 1 ? r : r + 1] =
                                    ways[a][b + 1][1][side == 1 ? r : r + 1].add(w);
                        }
                    }
                }
            }
        }
        BigInteger[] byRuns = new BigInteger[n + 1];
        for (int r = 0; r <= n; r++) {
            byRuns[r] = ways[above][below][0][r].add(ways[above][below][1][r]);
        }
        return byRuns;
    }

    /** The smallest r with P(R ≤ r) above 2.5%: fewer runs are too few. */
    private static int fewestNotRejected(BigInteger[] orders) {
        BigInteger all = sum(orders);
        BigInteger tail = BigInteger.ZERO;
        for (int r = 0; r < orders.length; r++) {
            tail = tail.add(orders[r]);
            if (tail.multiply(BigInteger.valueOf(40)).compareTo(all) > 0) {
                return r;
            }
        }
        throw new AssertionError("no lower tail");
    }

    /** The largest r with P(R ≥ r) above 2.5%: more runs are too many. */
    private static int mostNotRejected(BigInteger[] orders) {
        BigInteger all = sum(orders);
        BigInteger tail = BigInteger.ZERO;
        for (int r = orders.length - 1; r >= 0; r--) {
            tail = tail.add(orders[r]);
            if (tail.multiply(BigInteger.valueOf(40)).compareTo(all) > 0) {
                return r;
            }
        }
        throw new AssertionError("no upper tail");
    }

    private static BigInteger sum(BigInteger[] orders) {
        BigInteger all = BigInteger.ZERO;
        for (BigInteger o : orders) {
            all = all.add(o);
        }
        return all;
    }
}
