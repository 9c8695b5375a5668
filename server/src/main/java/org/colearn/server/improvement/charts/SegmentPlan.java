package org.colearn.server.improvement.charts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each segment starts and ends, and which of its points compute its lines.
 *
 * @param index the segment's number, from 0
 * @param from the first index of the segment
 * @param to one past its last index
 * @param points the indices of the segment with a value
 * @param baseline the indices that compute the segment's lines
 */
record SegmentPlan(int index, int from, int to, List<Integer> points, List<Integer> baseline) {

    static List<SegmentPlan> plan(Series series, Baseline baseline, List<LocalDate> changePoints) {
        if (series.size() == 0) {
            return List.of();
        }
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (LocalDate change : changePoints) {
            int start = firstAtOrAfter(series, change);
            if (start > starts.get(starts.size() - 1) && start < series.size()) {
                starts.add(start);
            }
        }
        List<SegmentPlan> plans = new ArrayList<>();
        for (int s = 0; s < starts.size(); s++) {
            int from = starts.get(s);
            int to = s + 1 < starts.size() ? starts.get(s + 1) : series.size();
            List<Integer> points = series.present(from, to);
            plans.add(new SegmentPlan(s, from, to, points, s == 0 ? baselineOf(series, points, baseline) : points));
        }
        return plans;
    }

    private static int firstAtOrAfter(Series series, LocalDate day) {
        for (int i = 0; i < series.size(); i++) {
            if (!series.observations.get(i).period().isBefore(day)) {
                return i;
            }
        }
        return series.size();
    }

    private static List<Integer> baselineOf(Series series, List<Integer> points, Baseline baseline) {
        if (baseline instanceof Baseline.FirstPoints first) {
            return points.subList(0, Math.min(first.count(), points.size()));
        }
        if (baseline instanceof Baseline.Between between) {
            return points.stream().filter(i -> {
                LocalDate period = series.observations.get(i).period();
                return !period.isBefore(between.from()) && !period.isAfter(between.to());
            }).toList();
        }
        return points;
    }

    boolean inBaseline(int index) {
        return baseline.contains(index);
    }
}
