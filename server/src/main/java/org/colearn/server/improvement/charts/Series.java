package org.colearn.server.improvement.charts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The observations of a chart checked against its type, with the value each period plots (null when missing). */
final class Series {

    final List<Observation> observations;
    final Double[] plotted;

    private Series(List<Observation> observations, Double[] plotted) {
        this.observations = observations;
        this.plotted = plotted;
    }

    static Series of(ChartType type, List<Observation> observations, boolean events) {
        Double[] plotted = new Double[observations.size()];
        for (int i = 0; i < observations.size(); i++) {
            Observation o = observations.get(i);
            LocalDate before = i == 0 ? null : observations.get(i - 1).period();
            if (before != null && (o.period().isBefore(before) || o.period().equals(before) && !events)) {
                throw new IllegalArgumentException(o.period().equals(observations.get(i - 1).period())
                        ? "Two values for the period " + o.period() + ": keep one"
                        : "Periods must be in time order: " + o.period() + " comes after "
                                + observations.get(i - 1).period());
            }
            plotted[i] = plotted(type, o);
        }
        return new Series(observations, plotted);
    }

    private static Double plotted(ChartType type, Observation o) {
        Double value = o.value();
        if (value == null) {
            return null;
        }
        if (type != ChartType.RUN && type != ChartType.XMR && value < 0) {
            throw new IllegalArgumentException("A count cannot be negative: " + value + " in " + o.period());
        }
        if (!type.needsDenominator()) {
            return value;
        }
        Double denominator = o.denominator();
        if (denominator == null || denominator == 0) {
            return null;
        }
        if (type != ChartType.U && value > denominator) {
            throw new IllegalArgumentException("The numerator " + value + " of " + o.period()
                    + " is more than its denominator " + denominator);
        }
        return value / denominator;
    }

    int size() {
        return plotted.length;
    }

    boolean present(int i) {
        return plotted[i] != null;
    }

    double value(int i) {
        return plotted[i];
    }

    /** The indices from {@code from} (inclusive) to {@code to} (exclusive) whose period has a value. */
    List<Integer> present(int from, int to) {
        List<Integer> indices = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (present(i)) {
                indices.add(i);
            }
        }
        return indices;
    }
}
