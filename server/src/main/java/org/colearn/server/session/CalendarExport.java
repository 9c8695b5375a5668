package org.colearn.server.session;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import org.colearn.server.system.ApiException;

/** A learning session as an iCalendar file, with its agenda in the description, for people's calendars. */
final class CalendarExport {

    /**
     * The times iCalendar can write: its DATE-TIME has a year of four digits. Sessions are planned within
     * {@link org.colearn.server.system.DateWindow}, but a row stored before that window, or by hand, may lie outside.
     */
    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant AFTER_LAST = Instant.parse("+10000-01-01T00:00:00Z");

    private CalendarExport() {}

    /** The file's name: the session's title in plain letters, {@code learning-session-2.ics}. */
    static String fileName(LearningSession session) {
        return SessionResults.fileName(session.title(), "learning-session") + ".ics";
    }

    /**
     * The session as iCalendar text; a session whose start or end no calendar can hold is refused with {@code 409
     * session_date_out_of_calendar_range} rather than written as a file that calendars reject.
     */
    static byte[] ics(LearningSession session, List<AgendaItem> agenda, String link, Instant now) {
        Instant start = session.startsAt();
        Instant end;
        try {
            end = start.plusSeconds(session.durationMinutes() * 60L);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            end = Instant.MAX;
        }
        if (start.isBefore(FIRST) || !end.isBefore(AFTER_LAST)) {
            throw ApiException.conflict("session_date_out_of_calendar_range",
                    "This session's date lies outside the years 1 to 9999 that calendars can hold, so it has no calendar file.");
        }
        VEvent event = new VEvent(start, end, session.title());
        event.replace(new DtStamp(now));
        event.add(new Uid(session.id() + "@colearn"));
        StringBuilder description = new StringBuilder("Agenda:\n");
        for (AgendaItem item : agenda) {
            description.append(item.position() + 1).append(". ").append(item.title())
                    .append(" (").append(item.plannedMinutes()).append(" min)\n");
        }
        description.append("\nJoin: ").append(link);
        event.add(new Description(description.toString()));
        try {
            event.add(new Url(java.net.URI.create(link)));
        } catch (IllegalArgumentException e) {
            // A link that is not a URI stays in the description only.
        }
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Colearn//Learning sessions//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(event);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new CalendarOutputter().output(calendar, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("the calendar of session " + session.id() + " is not valid iCalendar", e);
        }
    }
}
