package org.colearn.server.improvement.charts;

/**
 * How many runs a run chart of 10 to 60 useful points (points not on the median) has by chance: fewer than the
 * lower limit are too few, more than the upper limit too many. The limits are the critical numbers of runs of Swed
 * &amp; Eisenhart (Ann Math Stat 1943;14:66–87) at 2.5% in each tail, for the useful points split as evenly as they
 * can be above and below the median, worked out from the exact distribution of the number of runs rather than
 * copied: the table of Perla, Provost &amp; Murray (BMJ Qual Saf 2011;20:46–51, Table 1) that run charts in
 * healthcare quote was drawn from the same distribution, but 18 of its rows lie one run away from it.
 */
final class RunsTable {

    static final int SMALLEST = 10;
    static final int LARGEST = 60;
    /** The risk in each tail, as 1 in 40 (2.5%), kept as a whole number so that the tails compare exactly. */
    private static final long ONE_IN = 40;

    // Rows for 10, 11, ... 60 useful points: {lower limit, upper limit}.
    private static final int[][] LIMITS = new int[LARGEST - SMALLEST + 1][];

    static {
        for (int n = SMALLEST; n <= LARGEST; n++) {
            LIMITS[n - SMALLEST] = limits(n / 2, n - n / 2);
        }
    }

    private RunsTable() {
    }

    static boolean covers(int usefulPoints) {
        return usefulPoints >= SMALLEST && usefulPoints <= LARGEST;
    }

    static int fewest(int usefulPoints) {
        return LIMITS[usefulPoints - SMALLEST][0];
    }

    static int most(int usefulPoints) {
        return LIMITS[usefulPoints - SMALLEST][1];
    }

    /**
     * The fewest runs whose lower tail P(R ≤ r) exceeds the risk, and the most runs whose upper tail P(R ≥ r) does:
     * of the C(n1 + n2, n1) orders of n1 points above and n2 below, 2·C(n1−1, k−1)·C(n2−1, k−1) have 2k runs and
     * C(n1−1, k−1)·C(n2−1, k) + C(n1−1, k)·C(n2−1, k−1) have 2k + 1. Up to 60 points every count fits in a long.
     */
    private static int[] limits(int above, int below) {
        int points = above + below;
        long all = choose(points, above);
        long[] orders = new long[points + 1];
        for (int r = 2; r <= points; r++) {
            int k = r / 2;
            orders[r] = r % 2 == 0
                    ? 2 * choose(above - 1, k - 1) * choose(below - 1, k - 1)
                    : choose(above - 1, k - 1) * choose(below - 1, k) + choose(above - 1, k) * choose(below - 1, k - 1);
        }
        int fewest = 0;
        for (long tail = 0; tail * ONE_IN <= all; fewest++) {
            tail += orders[fewest];
        }
        int most = points;
        for (long tail = 0; tail * ONE_IN <= all; most--) {
            tail += orders[most];
        }
        return new int[] {fewest - 1, most + 1};
    }

    private static long choose(int n, int k) {
        if (k < 0 || n < 0 || k > n) {
            return 0;
        }
        long result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
        }
        return result;
    }
}
