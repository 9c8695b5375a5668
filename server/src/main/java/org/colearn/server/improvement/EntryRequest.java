package org.colearn.server.improvement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.colearn.server.system.ApiException;

/**
 * One period's values as a person or a system sends them: {@code period} is a month ({@code 2026-03}) or a day
 * ({@code 2026-03-02}, a Monday for a weekly measure, the event's date for days between events, whose {@code value}
 * is then how many events happened that day, one when left out).
 */
record EntryRequest(String period, Double numerator, Double denominator, Double value) {

    /** What is wrong with this entry for the measure, each message starting with the field it concerns. */
    List<ApiException.FieldError> problems(Measure measure, String prefix) {
        List<ApiException.FieldError> problems = new ArrayList<>();
        parsePeriod(measure, problems, prefix);
        switch (measure.kind()) {
            case PROPORTION -> {
                wholeCount(numerator, prefix + "numerator", problems);
                positive(denominator, prefix + "denominator", problems, true);
                if (numerator != null && denominator != null && numerator > denominator) {
                    problems.add(new ApiException.FieldError(prefix + "numerator", "must not be more than the denominator"));
                }
                absent(value, prefix + "value", "a proportion takes a numerator and a denominator", problems);
            }
            case RATE -> {
                wholeCount(numerator, prefix + "numerator", problems);
                positive(denominator, prefix + "denominator", problems, false);
                absent(value, prefix + "value", "a rate takes a numerator and a denominator", problems);
            }
            case COUNT -> {
                wholeCount(value, prefix + "value", problems);
                absent(numerator, prefix + "numerator", "a count takes one value", problems);
                absent(denominator, prefix + "denominator", "a count takes one value", problems);
            }
            case CONTINUOUS -> {
                if (value == null || !Double.isFinite(value)) {
                    problems.add(new ApiException.FieldError(prefix + "value", "is required: the period's measurement"));
                }
                absent(numerator, prefix + "numerator", "a measurement takes one value", problems);
                absent(denominator, prefix + "denominator", "a measurement takes one value", problems);
            }
            case DAYS_BETWEEN -> {
                if (value != null && (!Double.isFinite(value) || value < 1 || value != Math.rint(value))) {
                    problems.add(new ApiException.FieldError(prefix + "value",
                            "must be a whole number of events on that day, 1 or more (leave it out for one)"));
                }
                absent(numerator, prefix + "numerator", "an event is recorded by its date and how many happened that day", problems);
                absent(denominator, prefix + "denominator", "an event is recorded by its date and how many happened that day", problems);
            }
        }
        return problems;
    }

    /** The checked entry; call after {@link #problems} found none. */
    Entry entry(Measure measure) {
        LocalDate day = parsePeriod(measure, new ArrayList<>(), "");
        return switch (measure.kind()) {
            case PROPORTION, RATE -> new Entry(day, numerator, denominator, null);
            case COUNT, CONTINUOUS -> new Entry(day, null, null, value);
            case DAYS_BETWEEN -> new Entry(day, null, null, value == null || value == 1 ? null : value);
        };
    }

    private LocalDate parsePeriod(Measure measure, List<ApiException.FieldError> problems, String prefix) {
        return Periods.parse(measure, period, prefix + "period", problems);
    }

    private static void wholeCount(Double number, String field, List<ApiException.FieldError> problems) {
        if (number == null) {
            problems.add(new ApiException.FieldError(field, "is required"));
        } else if (!Double.isFinite(number) || number < 0 || number != Math.rint(number)) {
            problems.add(new ApiException.FieldError(field, "must be a whole number, 0 or more"));
        }
    }

    private static void positive(Double number, String field, List<ApiException.FieldError> problems, boolean whole) {
        if (number == null) {
            problems.add(new ApiException.FieldError(field, "is required (leave the whole period out when there is nothing to count)"));
        } else if (!Double.isFinite(number) || number <= 0 || (whole && number != Math.rint(number))) {
            problems.add(new ApiException.FieldError(field, whole
                    ? "must be a whole number above 0 (leave the whole period out when there were no cases)"
                    : "must be a number above 0 (leave the whole period out when there was no exposure)"));
        }
    }

    private static void absent(Double number, String field, String why, List<ApiException.FieldError> problems) {
        if (number != null) {
            problems.add(new ApiException.FieldError(field, "must be left out: " + why));
        }
    }
}
