package org.colearn.server.improvement.charts;

/**
 * The table of Perla, Provost &amp; Murray (BMJ Qual Saf 2011;20:46–51, Table 1) of how many runs a run chart of
 * 10 to 60 useful points (points not on the median) has by chance: fewer than the lower limit are too few, more
 * than the upper limit too many. Its values come from the distribution of runs of Swed &amp; Eisenhart (1943) at
 * about a 5% risk.
 */
final class RunsTable {

    static final int SMALLEST = 10;
    static final int LARGEST = 60;

    // Rows for 10, 11, ... 60 useful points: {lower limit, upper limit}.
    private static final int[][] LIMITS = {
        {3, 9}, {3, 10}, {3, 11}, {4, 11}, {4, 12}, {5, 12}, {5, 13}, {5, 13}, {6, 14}, {6, 15},
        {6, 16}, {7, 16}, {7, 17}, {7, 17}, {8, 18}, {8, 18}, {9, 19}, {10, 19}, {10, 20}, {10, 20},
        {11, 21}, {11, 22}, {11, 23}, {12, 23}, {12, 24}, {13, 24}, {13, 25}, {13, 25}, {14, 26}, {14, 26},
        {15, 27}, {15, 27}, {16, 28}, {16, 28}, {17, 29}, {17, 30}, {17, 31}, {18, 31}, {18, 32}, {19, 32},
        {19, 33}, {20, 33}, {20, 34}, {21, 35}, {21, 35}, {22, 36}, {22, 36}, {23, 37}, {23, 38}, {24, 38},
        {24, 39},
    };

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
}
