package org.colearn.server.improvement;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How periods are written and read: a month as {@code 2026-03}, a week or an event by its day. */
final class Periods {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
    private static final DateTimeFormatter MONTH_WORDS = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY_WORDS = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private Periods() {}

    static String code(Measure measure, LocalDate period) {
        return monthly(measure) ? MONTH.format(period) : period.toString();
    }

    static String words(Measure measure, LocalDate period) {
        if (monthly(measure)) {
            return MONTH_WORDS.format(period);
        }
        return (measure.kind() == MeasureKind.DAYS_BETWEEN ? "" : "week of ") + DAY_WORDS.format(period);
    }

    static String expected(Measure measure) {
        if (measure.kind() == MeasureKind.DAYS_BETWEEN) {
            return "the event's date, such as 2026-03-14";
        }
        return monthly(measure) ? "a month, such as 2026-03" : "the Monday that starts the week, such as 2026-03-02";
    }

    private static boolean monthly(Measure measure) {
        return measure.kind() != MeasureKind.DAYS_BETWEEN && measure.frequency() == Frequency.MONTHLY;
    }
}
