package org.colearn.server.improvement;

import java.time.Instant;
import java.util.UUID;

/** What the improvement endpoints send back. */
final class Views {

    private Views() {}

    record BaselineView(String from, String to) {}

    record MeasureView(
            UUID id,
            UUID siteId,
            String name,
            String definition,
            MeasureKind kind,
            Frequency frequency,
            Better better,
            String numeratorLabel,
            String denominatorLabel,
            Integer perUnit,
            Double goal,
            BaselineView baseline,
            String periodFormat) {

        static MeasureView of(Measure m) {
            BaselineView baseline = m.baselineFrom() == null
                    ? null
                    : new BaselineView(Periods.code(m, m.baselineFrom()), Periods.code(m, m.baselineTo()));
            return new MeasureView(m.id(), m.siteId(), m.name(), m.definition(), m.kind(), m.frequency(), m.better(),
                    m.numeratorLabel(), m.denominatorLabel(), m.perUnit(), m.goal(), baseline, Periods.expected(m));
        }
    }

    /** A period's value as entered, and the value the chart plots (a percentage, a rate per unit, a count). */
    record ValueView(String period, String label, Double numerator, Double denominator, Double value, Double plotted,
            Instant changedAt, String changedBy) {

        static ValueView of(Measure measure, MeasureValue v) {
            Entry e = v.entry();
            return new ValueView(Periods.code(measure, e.period()), Periods.words(measure, e.period()), e.numerator(),
                    e.denominator(), e.amount(), Views.plotted(measure, e), v.changedAt(), v.changedBy());
        }
    }

    record ChangeView(String period, Double numerator, Double denominator, Double value, boolean removed,
            ValueChange.Source source, Instant changedAt, String changedBy) {

        static ChangeView of(Measure measure, ValueChange c) {
            Entry e = c.entry();
            return new ChangeView(Periods.code(measure, e.period()), e.numerator(), e.denominator(), e.amount(),
                    c.removed(), c.source(), c.changedAt(), c.changedBy());
        }
    }

    /** The value a chart shows for an entry; for days between events, nothing per event (the gaps are plotted). */
    static Double plotted(Measure measure, Entry e) {
        return switch (measure.kind()) {
            case PROPORTION, RATE -> e.numerator() / e.denominator() * measure.perUnit();
            case COUNT, CONTINUOUS -> e.amount();
            case DAYS_BETWEEN -> null;
        };
    }
}
