package org.colearn.server.improvement.charts;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The table of too few and too many runs (Perla, Provost &amp; Murray, "The run chart: a simple analytical tool for
 * learning from variation in healthcare processes", BMJ Qual Saf 2011;20:46–51, Table 1) against the distribution it
 * was drawn from: the number of runs of n1 points above and n2 below the median when their order is random (Swed &amp;
 * Eisenhart, "Tables for testing randomness of grouping in a sequence of alternatives", Ann Math Stat
 * 1943;14:66–87), worked out here with exact counts: 2·C(n1−1, k−1)·C(n2−1, k−1) orders give 2k runs and
 * C(n1−1, k−1)·C(n2−1, k) + C(n1−1, k)·C(n2−1, k−1) give 2k + 1, out of C(n1 + n2, n1). The published table rounds
 * about a 5% risk and splits odd counts of points as it does, so it may differ from the exact 2.5% tails by one run;
 * never by more.
 */
class RunsTableTest {

    @Test
    void everyRowLiesWithinOneRunOfTheExactTwoAndAHalfPercentTails() {
        List<Executable> rows = new ArrayList<>();
        for (int n = RunsTable.SMALLEST; n <= RunsTable.LARGEST; n++) {
            int useful = n;
            BigDecimal[] p = distribution(n / 2, n - n / 2);
            int fewest = smallestNotRejected(p);
            int most = largestNotRejected(p);
            rows.add(() -> assertTrue(Math.abs(RunsTable.fewest(useful) - fewest) <= 1,
                    useful + " points: the table's fewest runs " + RunsTable.fewest(useful) + ", the exact tail " + fewest));
            rows.add(() -> assertTrue(Math.abs(RunsTable.most(useful) - most) <= 1,
                    useful + " points: the table's most runs " + RunsTable.most(useful) + ", the exact tail " + most));
            rows.add(() -> assertTrue(RunsTable.fewest(useful) < RunsTable.most(useful), useful + " points"));
        }
        assertAll(rows);
    }

    @Test
    void theLimitsNeverFallAsThePointsGrow() {
        for (int n = RunsTable.SMALLEST + 1; n <= RunsTable.LARGEST; n++) {
            assertTrue(RunsTable.fewest(n) >= RunsTable.fewest(n - 1), "fewest at " + n);
            assertTrue(RunsTable.most(n) >= RunsTable.most(n - 1), "most at " + n);
        }
    }

    /** P(R = r) for r = 0 … n1 + n2. */
    private static BigDecimal[] distribution(int n1, int n2) {
        BigInteger all = choose(n1 + n2, n1);
        BigDecimal[] p = new BigDecimal[n1 + n2 + 1];
        for (int r = 0; r <= n1 + n2; r++) {
            BigInteger ways;
            if (r < 2) {
                ways = BigInteger.ZERO;
            } else if (r % 2 == 0) {
                int k = r / 2;
                ways = BigInteger.TWO.multiply(choose(n1 - 1, k - 1)).multiply(choose(n2 - 1, k - 1));
            } else {
                int k = (r - 1) / 2;
                ways = choose(n1 - 1, k - 1).multiply(choose(n2 - 1, k)).add(choose(n1 - 1, k).multiply(choose(n2 - 1, k - 1)));
            }
            p[r] = new BigDecimal(ways).divide(new BigDecimal(all), MathContext.DECIMAL64);
        }
        return p;
    }

    /** The fewest runs that the lower 2.5% tail does not reject: the smallest r with P(R ≤ r) above 2.5%. */
    private static int smallestNotRejected(BigDecimal[] p) {
        BigDecimal cumulative = BigDecimal.ZERO;
        for (int r = 0; r < p.length; r++) {
            cumulative = cumulative.add(p[r]);
            if (cumulative.compareTo(new BigDecimal("0.025")) > 0) {
                return r;
            }
        }
        throw new AssertionError("no lower tail");
    }

    /** The most runs that the upper 2.5% tail does not reject: the largest r with P(R ≥ r) above 2.5%. */
    private static int largestNotRejected(BigDecimal[] p) {
        BigDecimal cumulative = BigDecimal.ZERO;
        for (int r = p.length - 1; r >= 0; r--) {
            cumulative = cumulative.add(p[r]);
            if (cumulative.compareTo(new BigDecimal("0.025")) > 0) {
                return r;
            }
        }
        throw new AssertionError("no upper tail");
    }

    private static BigInteger choose(int n, int k) {
        if (k < 0 || n < 0 || k > n) {
            return BigInteger.ZERO;
        }
        BigInteger result = BigInteger.ONE;
        for (int i = 1; i <= k; i++) {
            result = result.multiply(BigInteger.valueOf(n - k + i)).divide(BigInteger.valueOf(i));
        }
        return result;
    }
}
