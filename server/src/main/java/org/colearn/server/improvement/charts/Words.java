package org.colearn.server.improvement.charts;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * How the sentences of one chart name its periods: "March 2026" when every period starts on the first of a month,
 * "the week of 2 March 2026" when every period starts on the same day of the week, "5 March 2026" otherwise;
 * "since" for a stretch that runs to the latest point.
 */
final class Words {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final Series series;
    private final boolean monthly;
    private final boolean weekly;
    private final int latest;

    Words(Series series) {
        this.series = series;
        this.monthly = series.observations.stream().allMatch(o -> o.period().getDayOfMonth() == 1);
        this.weekly = series.observations.stream().map(o -> o.period().getDayOfWeek()).distinct().count() == 1;
        int last = -1;
        for (int i = 0; i < series.size(); i++) {
            if (series.present(i)) {
                last = i;
            }
        }
        this.latest = last;
    }

    String period(int index) {
        return period(series.observations.get(index).period());
    }

    String period(LocalDate day) {
        if (monthly) {
            return MONTH.format(day);
        }
        return weekly ? "the week of " + DAY.format(day) : DAY.format(day);
    }

    /**
     * "in March 2026" ("on 5 March 2026" for a day), "since March 2026" (to the latest point) or "from March 2026 to
     * July 2026".
     */
    String span(List<Integer> indices) {
        int first = indices.get(0);
        int last = indices.get(indices.size() - 1);
        if (first == last) {
            return (monthly || weekly ? "in " : "on ") + period(first);
        }
        if (last == latest) {
            return "since " + period(first);
        }
        return "from " + period(first) + " to " + period(last);
    }

    /** "1 point", "7 points". */
    static String points(int count) {
        return count == 1 ? "1 point" : count + " points";
    }

    /** A list read aloud: "A", "A and B", "A, B and C". */
    static String list(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
