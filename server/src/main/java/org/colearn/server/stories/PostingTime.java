package org.colearn.server.stories;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import org.colearn.plugin.api.Stories.Credit;

/**
 * The times kept for stories and comments. Anonymous ones keep only the Monday (00:00 UTC) of the week they were
 * written in: a week holds many learning-session days and shifts, so the time cannot be matched to who was on duty
 * or online. (The {@link Mixer} writes them at a random later moment too, so that no row order or transaction of the
 * database tells the time either.)
 */
final class PostingTime {

    private PostingTime() {}

    static Instant kept(Instant now, Credit credit) {
        return credit == Credit.ANONYMOUS ? weekOf(now) : now.truncatedTo(ChronoUnit.MILLIS);
    }

    static Instant weekOf(Instant instant) {
        return instant.atZone(ZoneOffset.UTC)
                .toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
    }

    /** {@code week} when the time shown is the start of its week, {@code exact} otherwise. */
    static String precision(Credit credit) {
        return credit == Credit.ANONYMOUS ? "week" : "exact";
    }
}
