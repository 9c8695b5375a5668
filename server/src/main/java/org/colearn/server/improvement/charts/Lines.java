package org.colearn.server.improvement.charts;

/** The lines of every period of a chart, filled in segment by segment; null where a line is undefined. */
final class Lines {

    final Double[] centre;
    final Double[] lower;
    final Double[] upper;
    final Double[] lowerTwoSigma;
    final Double[] upperTwoSigma;
    final Double[] movingRange;
    final Double[] movingRangeUpper;

    Lines(int size) {
        centre = new Double[size];
        lower = new Double[size];
        upper = new Double[size];
        lowerTwoSigma = new Double[size];
        upperTwoSigma = new Double[size];
        movingRange = new Double[size];
        movingRangeUpper = new Double[size];
    }

    /** Sets the centre and the one- and two-sigma-based lines of a period, clipped to the chart's possible range. */
    void set(int i, double centreLine, double sigma, double floor, double ceiling) {
        centre[i] = centreLine;
        lower[i] = Math.max(floor, centreLine - 3 * sigma);
        upper[i] = Math.min(ceiling, centreLine + 3 * sigma);
        lowerTwoSigma[i] = Math.max(floor, centreLine - 2 * sigma);
        upperTwoSigma[i] = Math.min(ceiling, centreLine + 2 * sigma);
    }
}
