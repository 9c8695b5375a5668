package org.colearn.server.improvement.charts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Monthly series for the chart tests, starting in January 2026; a null value is a missing month. */
final class Months {

    private Months() {
    }

    static LocalDate month(int index) {
        return LocalDate.of(2026, 1, 1).plusMonths(index);
    }

    static List<Observation> values(Double... values) {
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            observations.add(values[i] == null ? Observation.missing(month(i)) : Observation.of(month(i), values[i]));
        }
        return observations;
    }

    static List<Observation> values(double[] values) {
        return values(Arrays.stream(values).boxed().toArray(Double[]::new));
    }

    static List<Observation> ratios(double[] numerators, double[] denominators) {
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < numerators.length; i++) {
            observations.add(Observation.of(month(i), numerators[i], denominators[i]));
        }
        return observations;
    }

    static double[] concat(double[]... parts) {
        return Arrays.stream(parts).flatMapToDouble(Arrays::stream).toArray();
    }

    static double[] repeat(double value, int times) {
        double[] values = new double[times];
        Arrays.fill(values, value);
        return values;
    }
}
