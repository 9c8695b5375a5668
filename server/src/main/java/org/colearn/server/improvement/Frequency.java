package org.colearn.server.improvement;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** How often a measure is taken: each period is named by its first day (a Monday, or the first of a month). */
public enum Frequency {
    WEEKLY,
    MONTHLY;

    boolean isStart(LocalDate day) {
        return this == WEEKLY ? day.getDayOfWeek() == DayOfWeek.MONDAY : day.getDayOfMonth() == 1;
    }

    LocalDate start(LocalDate day) {
        return this == WEEKLY ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
    }

    LocalDate next(LocalDate period) {
        return this == WEEKLY ? period.plusWeeks(1) : period.plusMonths(1);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
