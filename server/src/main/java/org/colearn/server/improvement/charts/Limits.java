package org.colearn.server.improvement.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * The centre line and limits of one segment for each chart type, computed from the segment's baseline points and
 * drawn across the whole segment.
 */
final class Limits {

    /** Wheeler's scaling constant for natural process limits from the average moving range: 3 / d2 = 3 / 1.128. */
    static final double XMR_LIMIT = 2.66;
    /** The upper limit of a moving-range chart: D4 = 3.267 times the average moving range. */
    static final double MR_LIMIT = 3.267;
    /** d2 for moving ranges of two points, which turns an average moving range into a standard deviation. */
    static final double D2 = 1.128;

    private Limits() {
    }

    static SegmentLines fill(ChartType type, Series series, SegmentPlan plan, Lines lines) {
        if (plan.baseline().isEmpty()) {
            return SegmentLines.NONE;
        }
        return switch (type) {
            case RUN -> run(series, plan, lines);
            case XMR -> xmr(series, plan, lines);
            case C -> counts(series, plan, lines);
            case P, P_PRIME, U -> perDenominator(type, series, plan, lines);
        };
    }

    private static SegmentLines run(Series series, SegmentPlan plan, Lines lines) {
        double median = median(plan.baseline().stream().map(series::value).toList());
        for (int i = plan.from(); i < plan.to(); i++) {
            lines.centre[i] = median;
        }
        return new SegmentLines(median, null, null);
    }

    private static SegmentLines xmr(Series series, SegmentPlan plan, Lines lines) {
        double mean = mean(plan.baseline().stream().map(series::value).toList());
        Double averageMovingRange = averageMovingRange(series, plan.baseline());
        for (int i = plan.from(); i < plan.to(); i++) {
            if (averageMovingRange == null) {
                lines.centre[i] = mean;
            } else {
                lines.set(i, mean, XMR_LIMIT * averageMovingRange / 3, Double.NEGATIVE_INFINITY,
                        Double.POSITIVE_INFINITY);
                lines.movingRangeUpper[i] = MR_LIMIT * averageMovingRange;
            }
            if (i > plan.from() && series.present(i) && series.present(i - 1)) {
                lines.movingRange[i] = Math.abs(series.value(i) - series.value(i - 1));
            }
        }
        return new SegmentLines(mean, averageMovingRange, null);
    }

    /**
     * The average of the moving ranges between baseline points of neighbouring periods; a missing period leaves
     * no moving range on either side of it. Null when there is none.
     */
    static Double averageMovingRange(Series series, List<Integer> baseline) {
        List<Double> ranges = new ArrayList<>();
        for (int k = 1; k < baseline.size(); k++) {
            int i = baseline.get(k);
            if (baseline.get(k - 1) == i - 1) {
                ranges.add(Math.abs(series.value(i) - series.value(i - 1)));
            }
        }
        return ranges.isEmpty() ? null : mean(ranges);
    }

    private static SegmentLines counts(Series series, SegmentPlan plan, Lines lines) {
        double mean = mean(plan.baseline().stream().map(series::value).toList());
        for (int i = plan.from(); i < plan.to(); i++) {
            lines.set(i, mean, Math.sqrt(mean), 0, Double.POSITIVE_INFINITY);
        }
        return new SegmentLines(mean, null, null);
    }

    private static SegmentLines perDenominator(ChartType type, Series series, SegmentPlan plan, Lines lines) {
        double events = 0;
        double opportunities = 0;
        for (int i : plan.baseline()) {
            events += series.observations.get(i).value();
            opportunities += series.observations.get(i).denominator();
        }
        double centre = events / opportunities;
        double ceiling = type == ChartType.U ? Double.POSITIVE_INFINITY : 1;
        Double sigmaZ = type == ChartType.U ? null : sigmaZ(series, plan.baseline(), centre);
        double widen = type == ChartType.P_PRIME && sigmaZ != null ? sigmaZ : 1;
        for (int i = plan.from(); i < plan.to(); i++) {
            Double denominator = series.observations.get(i).denominator();
            if (denominator == null || denominator == 0) {
                lines.centre[i] = centre;
            } else {
                lines.set(i, centre, widen * sigma(type, centre, denominator), 0, ceiling);
            }
        }
        Double averageMovingRange = type == ChartType.P_PRIME && sigmaZ != null ? sigmaZ * D2 : null;
        return new SegmentLines(centre, averageMovingRange, sigmaZ);
    }

    private static double sigma(ChartType type, double centre, double denominator) {
        return type == ChartType.U
                ? Math.sqrt(centre / denominator)
                : Math.sqrt(centre * (1 - centre) / denominator);
    }

    /**
     * Laney's sigma-z: the average moving range of the baseline's z-scores, (p − p̄) / σ(p), divided by 1.128. Null
     * when p̄ is 0 or 1 (no binomial spread to scale) or no two neighbouring periods are in the baseline.
     */
    private static Double sigmaZ(Series series, List<Integer> baseline, double centre) {
        if (centre <= 0 || centre >= 1) {
            return null;
        }
        List<Double> ranges = new ArrayList<>();
        for (int k = 1; k < baseline.size(); k++) {
            int i = baseline.get(k);
            if (baseline.get(k - 1) == i - 1) {
                ranges.add(Math.abs(z(series, i, centre) - z(series, i - 1, centre)));
            }
        }
        return ranges.isEmpty() ? null : mean(ranges) / D2;
    }

    private static double z(Series series, int i, double centre) {
        return (series.value(i) - centre) / sigma(ChartType.P, centre, series.observations.get(i).denominator());
    }

    static double mean(List<Double> values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.size();
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
