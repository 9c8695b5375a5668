package org.colearn.server.improvement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.colearn.server.system.ApiException;
import org.hibernate.Session;

/**
 * Writes a site's values of a measure, whichever way they came (the form, a CSV file, the site's own systems), and
 * keeps every change in the history. A value sent again unchanged is not a change.
 */
final class ValueWriting {

    /** What a write did: how many periods were new, how many corrected, how many already held these values. */
    record Outcome(int added, int corrected, int unchanged) {}

    private final Session session;
    private final Measure measure;
    private final UUID siteId;

    ValueWriting(Session session, Measure measure, UUID siteId) {
        this.session = session;
        this.measure = measure;
        this.siteId = siteId;
    }

    /** Checks every entry first and writes none unless all are valid; errors name {@code values[i].field}. */
    static List<Entry> checked(Measure measure, List<EntryRequest> requests) {
        if (requests == null || requests.isEmpty()) {
            throw ApiException.invalid("values", "must hold at least one period's values");
        }
        List<ApiException.FieldError> problems = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            EntryRequest request = requests.get(i);
            if (request == null) {
                problems.add(new ApiException.FieldError("values[" + i + "]", "must be an object"));
            } else {
                problems.addAll(request.problems(measure, "values[" + i + "]."));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        List<Entry> entries = requests.stream().map(r -> r.entry(measure)).toList();
        Map<LocalDate, Long> counts = entries.stream().collect(Collectors.groupingBy(Entry::period, Collectors.counting()));
        counts.forEach((period, count) -> {
            if (count > 1) {
                throw ApiException.invalid("values", "holds " + Periods.code(measure, period) + " " + count + " times; send each period once");
            }
        });
        return entries;
    }

    Outcome write(List<Entry> entries, ValueChange.Source source, String by, Instant at) {
        Map<LocalDate, MeasureValue> current = values().stream()
                .collect(Collectors.toMap(MeasureValue::period, Function.identity()));
        int added = 0;
        int corrected = 0;
        int unchanged = 0;
        for (Entry entry : entries) {
            MeasureValue value = current.get(entry.period());
            if (value != null && value.entry().sameValues(entry)) {
                unchanged++;
                continue;
            }
            if (value == null) {
                value = new MeasureValue(measure.id(), siteId, entry.period());
                value.set(entry, by, at);
                session.persist(value);
                added++;
            } else {
                value.set(entry, by, at);
                corrected++;
            }
            session.persist(new ValueChange(measure.id(), siteId, entry, false, source, by, at));
        }
        return new Outcome(added, corrected, unchanged);
    }

    /** Removes a period's value: the period becomes missing again, and the history says who removed it. */
    void remove(LocalDate period, ValueChange.Source source, String by, Instant at) {
        MeasureValue value = values().stream().filter(v -> v.period().equals(period)).findFirst()
                .orElseThrow(() -> ApiException.notFound("value_not_found", "There is no value for " + Periods.code(measure, period) + " to remove."));
        session.persist(new ValueChange(measure.id(), siteId, value.entry(), true, source, by, at));
        session.remove(value);
    }

    Measure measure() {
        return measure;
    }

    List<MeasureValue> values() {
        return session.createSelectionQuery(
                        "from MeasureValue where measureId = :m and siteId = :s order by period", MeasureValue.class)
                .setParameter("m", measure.id())
                .setParameter("s", siteId)
                .getResultList();
    }

    List<ValueChange> history() {
        return session.createSelectionQuery(
                        "from ValueChange where measureId = :m and siteId = :s order by changedAt desc, period desc", ValueChange.class)
                .setParameter("m", measure.id())
                .setParameter("s", siteId)
                .getResultList();
    }
}
