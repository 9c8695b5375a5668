package org.colearn.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.colearn.server.system.ApiException;
import org.junit.jupiter.api.Test;

class CalendarExportTest {

    private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");

    private static LearningSession session(String title, String startsAt, int minutes) {
        LearningSession session = new LearningSession(UUID.randomUUID(), UUID.randomUUID(), NOW, "abc123");
        session.update(title, Instant.parse(startsAt), minutes);
        return session;
    }

    private static List<String> lines(LearningSession session) {
        return new String(CalendarExport.ics(session, List.of(), "https://colearn.example/#/sessions/1", NOW), StandardCharsets.UTF_8)
                .replace("\r\n ", "").lines().toList();
    }

    @Test
    void sessionIsOneEventWithItsTitleStartAndEndInUniversalTime() {
        List<String> lines = lines(session("Learning session 2", "2027-03-02T10:00:00Z", 90));
        assertEquals("BEGIN:VCALENDAR", lines.get(0));
        assertEquals(1, lines.stream().filter("BEGIN:VEVENT"::equals).count(), lines::toString);
        assertTrue(lines.contains("SUMMARY:Learning session 2"), lines::toString);
        assertTrue(lines.contains("DTSTART:20270302T100000Z"), lines::toString);
        assertTrue(lines.contains("DTEND:20270302T113000Z"), lines::toString);
    }

    @Test
    void sessionEndingOnTheLastDayCalendarsCanHoldIsWritten() {
        List<String> lines = lines(session("The last one", "9999-12-31T22:00:00Z", 60));
        assertTrue(lines.contains("DTSTART:99991231T220000Z"), lines::toString);
        assertTrue(lines.contains("DTEND:99991231T230000Z"), lines::toString);
    }

    @Test
    void sessionStoredBeyondTheYear9999IsRefusedRatherThanWrittenAsAFileCalendarsReject() {
        for (LearningSession stored : List.of(
                session("Ends in the year 10000", "9999-12-31T23:30:00Z", 60),
                session("Starts in the year 10000", "+10000-01-01T09:00:00Z", 60),
                session("Typed 20260 for 2026", "+20260-05-01T09:00:00Z", 60),
                session("Before the year 1", "-0001-06-01T09:00:00Z", 60))) {
            ApiException refused = assertThrows(ApiException.class, () -> lines(stored), stored.title());
            assertEquals(409, refused.status(), stored.title());
            assertEquals("session_date_out_of_calendar_range", refused.code(), stored.title());
        }
    }

    @Test
    void fileIsNamedAfterTheSessionsTitle() {
        assertEquals("learning-session-2.ics", CalendarExport.fileName(session("Learning session 2", "2027-03-02T10:00:00Z", 90)));
        assertEquals("reunion-a-sao-paulo.ics", CalendarExport.fileName(session("Réunion à São Paulo", "2027-03-02T10:00:00Z", 90)));
        assertEquals("learning-session.ics", CalendarExport.fileName(session("¿¡!", "2027-03-02T10:00:00Z", 90)));
    }
}
