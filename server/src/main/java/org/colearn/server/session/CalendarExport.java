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

/** A learning session as an iCalendar file, with its agenda in the description, for people's calendars. */
final class CalendarExport {

    private CalendarExport() {}

    static byte[] ics(LearningSession session, List<AgendaItem> agenda, String link, Instant now) {
        Instant start = session.startsAt();
        VEvent event = new VEvent(start, start.plusSeconds(session.durationMinutes() * 60L), session.title());
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
