package org.colearn.server.improvement.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * The runs of a sequence of points about a centre line: maximal stretches on one side. Points on the line are
 * dropped first when {@code skipOnLine}, as run charts do; otherwise they end a run, as SPC charts do.
 */
final class Runs {

    private Runs() {
    }

    /** Each run as the indices of its points, in order; a run's side is that of any of its points. */
    static List<List<Integer>> of(Series series, List<Integer> points, double centre, boolean skipOnLine) {
        List<List<Integer>> runs = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        int side = 0;
        for (int i : points) {
            int s = (int) Math.signum(series.value(i) - centre);
            if (s == 0 && skipOnLine) {
                continue;
            }
            if (s != side || s == 0) {
                if (!current.isEmpty() && side != 0) {
                    runs.add(current);
                }
                current = new ArrayList<>();
                side = s;
            }
            current.add(i);
        }
        if (!current.isEmpty() && side != 0) {
            runs.add(current);
        }
        return runs;
    }

    static Side side(Series series, int index, double centre) {
        double value = series.value(index);
        return value > centre ? Side.HIGH : value < centre ? Side.LOW : Side.NONE;
    }
}
