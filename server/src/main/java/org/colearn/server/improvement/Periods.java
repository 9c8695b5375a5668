package org.colearn.server.improvement;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.colearn.server.system.ApiException;

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

    /** The period the text names, or null with a problem on {@code field} when it names none of this measure's. */
    static LocalDate parse(Measure measure, String text, String field, List<ApiException.FieldError> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new ApiException.FieldError(field, "is required: " + expected(measure)));
            return null;
        }
        String period = text.strip();
        try {
            if (period.length() == 7 && monthly(measure)) {
                return YearMonth.parse(period).atDay(1);
            }
            LocalDate day = LocalDate.parse(period);
            if (measure.kind() != MeasureKind.DAYS_BETWEEN && !measure.frequency().isStart(day)) {
                problems.add(new ApiException.FieldError(field, "'" + period + "' does not start a period: " + expected(measure)));
                return null;
            }
            return day;
        } catch (DateTimeParseException e) {
            problems.add(new ApiException.FieldError(field, "'" + period + "' is not a period: " + expected(measure)));
            return null;
        }
    }

    private static boolean monthly(Measure measure) {
        return measure.kind() != MeasureKind.DAYS_BETWEEN && measure.frequency() == Frequency.MONTHLY;
    }
}
