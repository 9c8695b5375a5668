package org.colearn.server.improvement;

import java.util.Locale;

/** What a measure counts, which decides the values a period needs and the chart it gets. */
public enum MeasureKind {
    /** Numerator out of denominator, such as patients screened of those eligible: a P chart. */
    PROPORTION,
    /** Events in a period, such as falls: a C chart. */
    COUNT,
    /** Events per exposure, such as infections per 1,000 bed days: a U chart. */
    RATE,
    /** A measurement per period, such as the median minutes to antibiotics: an XmR chart. */
    CONTINUOUS,
    /** The dates of rare events; the chart shows the days between them. */
    DAYS_BETWEEN;

    boolean needsDenominator() {
        return this == PROPORTION || this == RATE;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
