package org.colearn.server.improvement.charts;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One period of a series: the period's first day, its value and, for proportions and rates, its denominator.
 *
 * <p>The value is the plotted value for run and XmR charts, the count of events for C and U charts, and the numerator
 * for P and P′ charts. A missing period has a {@code null} value and stays on the time axis as a gap: it is never
 * read as zero. A period whose chart needs a denominator and whose denominator is {@code null} or zero is missing
 * too (a proportion of nothing is undefined).
 *
 * @param period the first day of the period (a Monday or the first of a month); never null
 * @param value the value, count or numerator; null when the period is missing
 * @param denominator the denominator (P, P′) or exposure (U); null where the chart needs none
 */
public record Observation(LocalDate period, Double value, Double denominator) {

    public Observation {
        Objects.requireNonNull(period, "period");
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException("The value of " + period + " is not a number: " + value);
        }
        if (denominator != null && (!Double.isFinite(denominator) || denominator < 0)) {
            throw new IllegalArgumentException("The denominator of " + period + " must be zero or more: " + denominator);
        }
    }

    /** A period with a value and no denominator (run, XmR and C charts). */
    public static Observation of(LocalDate period, double value) {
        return new Observation(period, value, null);
    }

    /** A period with a numerator (or count) and a denominator (or exposure): P, P′ and U charts. */
    public static Observation of(LocalDate period, double value, double denominator) {
        return new Observation(period, value, denominator);
    }

    /** A period without data: a gap on the chart, never a zero. */
    public static Observation missing(LocalDate period) {
        return new Observation(period, null, null);
    }
}
