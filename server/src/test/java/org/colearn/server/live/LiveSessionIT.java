package org.colearn.server.live;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class LiveSessionIT {

    TestServer server;
    String facilitatorToken;
    String nurseToken;
    String sessionId;

    @BeforeEach
    void setUp() {
        server = TestServer.start();
        Api api = server.api();
        facilitatorToken = People.signUp(api, "Fiona Facilitator");
        Api facilitator = api.as(facilitatorToken);
        String collaborative = People.collaborative(facilitator, "Sepsis");
        String site = People.site(facilitator, collaborative, "Ashford", "trust");
        nurseToken = People.signUp(api, "Nadia Nurse");
        People.join(api.as(nurseToken), People.invitation(facilitator, collaborative, "participant"), site, "nurse");
        Api.Reply created = facilitator.post("collaboratives/" + collaborative + "/sessions", Map.of(
                "title", "Learning session 2",
                "startsAt", "2026-12-01T09:30:00Z",
                "durationMinutes", 180,
                "agenda", List.of(
                        LiveClient.agendaItem("Welcome", "plenary", 10),
                        LiveClient.agendaItem("World café", "world-cafe", 60))));
        assertEquals(201, created.status(), created::toString);
        sessionId = created.json().path("id").asText();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void participantWhoJoinsGetsTheWholeViewWithTheAgenda() {
        try (LiveClient nurse = LiveClient.connect(server, sessionId)) {
            JsonNode reply = nurse.request("hello", bodyOf("token", nurseToken, "clientId", "nurse-laptop"));
            JsonNode view = reply.path("body").path("view");
            assertEquals("Learning session 2", view.path("session").path("title").asText(), reply::toString);
            assertEquals("scheduled", view.path("session").path("status").asText());
            assertEquals("World café", view.path("session").path("agenda").get(1).path("title").asText());
            assertEquals("participant", view.path("you").path("role").asText());
            assertEquals(0, view.path("seq").asLong());
        }
    }

    @Test
    void sessionExportsToICalendarWithItsAgenda() {
        Api.Reply ics = server.api().as(nurseToken).get("sessions/" + sessionId + "/calendar.ics");
        assertEquals(200, ics.status(), ics::toString);
        assertTrue(ics.header("Content-Type").startsWith("text/calendar"), ics.header("Content-Type"));
        String text = ics.text().replace("\r\n ", "");
        assertTrue(text.startsWith("BEGIN:VCALENDAR"), text);
        assertTrue(text.contains("SUMMARY:Learning session 2"), text);
        assertTrue(text.contains("DTSTART:20261201T093000Z"), text);
        assertTrue(text.contains("DTEND:20261201T123000Z"), text);
        assertTrue(text.contains("UID:" + sessionId + "@colearn"), text);
        assertTrue(text.contains("2. World café (60 min)"), text);
        assertEquals(401, server.api().get("sessions/" + sessionId + "/calendar.ics").status(), "only members may download it");
        assertEquals("attachment; filename=\"learning-session-2.ics\"", ics.header("Content-Disposition"));
    }

    @Test
    void sessionStoredInTheYear10000HasNoCalendarFileButAProblemSayingWhy() throws java.sql.SQLException {
        try (java.sql.Connection connection = server.dataSource().getConnection();
                java.sql.PreparedStatement update = connection.prepareStatement("update learning_session set starts_at = ? where id = ?")) {
            update.setObject(1, java.time.OffsetDateTime.parse("+10000-01-01T09:30:00Z"));
            update.setObject(2, java.util.UUID.fromString(sessionId));
            assertEquals(1, update.executeUpdate());
        }
        Api.Reply ics = server.api().as(nurseToken).get("sessions/" + sessionId + "/calendar.ics");
        assertEquals(409, ics.status(), ics::toString);
        assertTrue(ics.header("Content-Type").startsWith("application/problem+json"), ics.header("Content-Type"));
        assertEquals("session_date_out_of_calendar_range", ics.json().path("code").asText(), ics::toString);
        assertEquals(200, server.api().as(nurseToken).get("sessions/" + sessionId).status(), "the session itself still opens");
    }

    @Test
    void chatMessageReachesEveryoneWithOneSequenceNumberAndTheSendersSite() {
        try (LiveClient fiona = LiveClient.join(server, sessionId, facilitatorToken, "fiona-laptop", null);
                LiveClient nadia = LiveClient.join(server, sessionId, nurseToken, "nadia-phone", null)) {
            JsonNode ok = nadia.request("chat.send", bodyOf("text", "Our sepsis screening starts in triage now"));
            assertEquals(1, ok.path("body").path("seq").asLong(), ok::toString);
            JsonNode seenByFiona = fiona.awaitEvent("chat.message");
            JsonNode seenByNadia = nadia.awaitEvent("chat.message");
            assertEquals(seenByFiona, seenByNadia);
            assertEquals(1, seenByFiona.path("seq").asLong());
            assertEquals("Our sepsis screening starts in triage now", seenByFiona.path("body").path("text").asText());
            assertEquals("Ashford", seenByFiona.path("body").path("from").path("site").asText());
        }
    }

    @Test
    void presenceShowsWhoIsHereWithOneEntryPerPersonAndOneMetaPerTab() {
        try (LiveClient fiona = LiveClient.join(server, sessionId, facilitatorToken, "fiona-laptop", null)) {
            fiona.await(frame -> "presence.state".equals(frame.path("type").asText()), "presence state");
            try (LiveClient nadiaPhone = LiveClient.join(server, sessionId, nurseToken, "nadia-phone", null);
                    LiveClient nadiaLaptop = LiveClient.join(server, sessionId, nurseToken, "nadia-laptop", null)) {
                JsonNode state = nadiaLaptop.await(frame -> "presence.state".equals(frame.path("type").asText()), "presence state");
                assertEquals(2, state.path("body").size(), state::toString);
                JsonNode nadia = java.util.stream.StreamSupport.stream(state.path("body").spliterator(), false)
                        .filter(person -> person.path("name").asText().equals("Nadia Nurse"))
                        .findFirst()
                        .orElseThrow();
                assertEquals("Ashford", nadia.path("site").asText());
                assertEquals(2, nadia.path("metas").size(), "one meta per open tab");
                JsonNode joined = fiona.await(frame -> "presence.diff".equals(frame.path("type").asText()), "a join");
                assertEquals("Nadia Nurse", joined.path("body").path("joins").elements().next().path("name").asText());
            }
            JsonNode left = fiona.await(frame -> "presence.diff".equals(frame.path("type").asText())
                    && frame.path("body").path("leaves").size() == 1, "a leave");
            assertEquals("Nadia Nurse", left.path("body").path("leaves").elements().next().path("name").asText());
        }
    }

    /** The pace of presence, and time for the close handshake and the frame to cross a busy machine. */
    static final Duration PRESENCE_DEADLINE = Duration.ofMillis(PresencePace.INTERVAL_MILLIS + 750);

    @Test
    void aDepartureRightAfterPresenceWentOutReachesTheOthersWithinThePaceThoughNothingElseHappens() {
        // The session has not started and its clock stands still: no timer comes due, no activity runs, nobody sends
        // a command. Only the departure is left to bring presence out.
        try (LiveClient fiona = LiveClient.join(server, sessionId, facilitatorToken, "fiona-laptop", null)) {
            fiona.await(frame -> "presence.state".equals(frame.path("type").asText()), "who is here");
            LiveClient nadia = LiveClient.join(server, sessionId, nurseToken, "nadia-phone", null);
            JsonNode arrived = fiona.await(frame -> "presence.diff".equals(frame.path("type").asText())
                    && frame.path("body").path("joins").size() == 1, "Nadia arriving");
            String nadiaId = arrived.path("body").path("joins").fieldNames().next();

            // Presence went out a moment ago, so the pace holds this departure back.
            nadia.close();
            JsonNode left = fiona.await(frame -> "presence.diff".equals(frame.path("type").asText())
                    && frame.path("body").path("leaves").has(nadiaId), "Nadia's departure", PRESENCE_DEADLINE);

            assertEquals("Nadia Nurse", left.path("body").path("leaves").path(nadiaId).path("name").asText());
            assertTrue(left.path("body").path("joins").isEmpty(), left::toString);
        }
    }

    @Test
    void facilitatorRunsTheSessionFromTheAgendaAndEveryoneFollows() {
        try (LiveClient fiona = LiveClient.join(server, sessionId, facilitatorToken, "fiona-laptop", null);
                LiveClient nadia = LiveClient.join(server, sessionId, nurseToken, "nadia-phone", null)) {
            assertTrue(fiona.request("session.start", bodyOf()).path("ok").asBoolean());
            assertTrue(fiona.request("agenda.goto", bodyOf("index", 1)).path("ok").asBoolean());
            assertTrue(fiona.request("session.broadcast", bodyOf("text", "Five minutes left at your tables")).path("ok").asBoolean());
            assertEquals(1, nadia.awaitEvent("agenda.item.started").path("body").path("index").asInt());
            assertEquals("Five minutes left at your tables", nadia.awaitEvent("session.broadcast").path("body").path("text").asText());
            assertTrue(fiona.request("session.end", bodyOf()).path("ok").asBoolean());
            nadia.awaitEvent("session.ended");
            assertEquals(List.of("session.started", "agenda.item.started", "session.broadcast", "session.ended"),
                    nadia.events().stream().map(e -> e.path("type").asText()).toList(),
                    "the café's tables are the facilitators' business until it seats anyone");
            List<Long> seqs = nadia.events().stream().map(e -> e.path("seq").asLong()).toList();
            assertEquals(seqs.stream().sorted().distinct().toList(), seqs, "in order, each once");
        }
        try (LiveClient late = LiveClient.connect(server, sessionId)) {
            JsonNode view = late.request("hello", bodyOf("token", nurseToken)).path("body").path("view");
            assertEquals("ended", view.path("session").path("status").asText());
            assertEquals(1, view.path("session").path("currentItem").asInt());
            assertTrue(view.path("lastBroadcast").isNull(), "the broadcast ended with the session: " + view);
        }
    }

    @Test
    void broadcastEndsWithItsItemUnlessKeptCanBeClearedAndEndsWithTheSession() {
        try (LiveClient fiona = LiveClient.join(server, sessionId, facilitatorToken, "fiona-laptop", null);
                LiveClient nadia = LiveClient.join(server, sessionId, nurseToken, "nadia-phone", null)) {
            fiona.request("session.start", bodyOf());
            fiona.request("agenda.goto", bodyOf("index", 0));
            fiona.request("session.broadcast", bodyOf("text", "Tables are in room 4"));
            assertEquals("Tables are in room 4", nadia.awaitEvent("session.broadcast").path("body").path("text").asText());
            fiona.request("agenda.goto", bodyOf("index", 1));
            nadia.awaitEvent("agenda.item.started");
            assertTrue(freshView(nurseToken).path("lastBroadcast").isNull(), "a broadcast not kept ends with its item");

            JsonNode kept = fiona.request("session.broadcast", bodyOf("text", "Lunch is at one", "keep", true));
            assertTrue(kept.path("ok").asBoolean(), kept::toString);
            fiona.request("agenda.end", bodyOf());
            nadia.awaitEvent("agenda.item.ended");
            JsonNode afterItem = freshView(nurseToken);
            assertEquals("Lunch is at one", afterItem.path("lastBroadcast").path("text").asText(), () -> "a kept broadcast outlives its item: " + afterItem);

            JsonNode refused = nadia.request("session.broadcast.clear", bodyOf());
            assertEquals("facilitator_only", refused.path("error").path("code").asText(), refused::toString);
            JsonNode wrongKeep = fiona.request("session.broadcast", bodyOf("text", "x", "keep", "yes"));
            assertEquals("body.keep must be true or false.", wrongKeep.path("error").path("message").asText(), wrongKeep::toString);
            assertTrue(fiona.request("session.broadcast.clear", bodyOf()).path("ok").asBoolean());
            assertEquals("Fiona Facilitator", nadia.awaitEvent("session.broadcast.cleared").path("body").path("by").asText());
            assertTrue(freshView(nurseToken).path("lastBroadcast").isNull(), "a cleared broadcast is gone for someone who joins now");
            JsonNode nothing = fiona.request("session.broadcast.clear", bodyOf());
            assertEquals("no_broadcast", nothing.path("error").path("code").asText(), nothing::toString);

            fiona.request("session.broadcast", bodyOf("text", "Thank you all", "keep", true));
            fiona.request("session.end", bodyOf());
            nadia.awaitEvent("session.ended");
        }
        try (LiveClient late = LiveClient.connect(server, sessionId)) {
            JsonNode view = late.request("hello", bodyOf("token", nurseToken)).path("body").path("view");
            assertTrue(view.path("lastBroadcast").isNull(), "even a kept broadcast ends with the session: " + view);
        }
    }

    /** The view of someone who says hello now. */
    private JsonNode freshView(String token) {
        try (LiveClient late = LiveClient.join(server, sessionId, token, "another-tab", null)) {
            return late.view();
        }
    }

    @Test
    void retimingTheRunningItemMovesItsEndForEveryone() {
        Api facilitator = server.api().as(facilitatorToken);
        try (LiveClient fiona = LiveClient.join(server, sessionId, facilitatorToken, "fiona-laptop", null);
                LiveClient nadia = LiveClient.join(server, sessionId, nurseToken, "nadia-phone", null)) {
            fiona.request("session.start", bodyOf());
            fiona.request("agenda.goto", bodyOf("index", 0));
            java.time.Instant plannedEnd = java.time.Instant.parse(nadia.awaitEvent("agenda.item.started").path("body").path("endsAt").asText());
            JsonNode planned = facilitator.get("sessions/" + sessionId).json().path("agenda");
            Api.Reply edited = facilitator.put("sessions/" + sessionId + "/agenda", List.of(
                    Map.of("id", planned.get(0).path("id").asText(), "title", "Welcome", "activityType", "plenary", "plannedMinutes", 25),
                    Map.of("id", planned.get(1).path("id").asText(), "title", "World café", "activityType", "world-cafe", "plannedMinutes", 60)));
            assertEquals(200, edited.status(), edited::toString);
            JsonNode retimed = nadia.awaitEvent("agenda.item.retimed").path("body");
            assertEquals(25, retimed.path("plannedMinutes").asInt(), retimed::toString);
            assertEquals(plannedEnd.plus(Duration.ofMinutes(15)).toString(), retimed.path("endsAt").asText(),
                    "ten minutes planned, now twenty-five: the welcome ends fifteen minutes later");
            JsonNode view = freshView(nurseToken);
            assertEquals(retimed.path("endsAt").asText(), view.path("session").path("itemEndsAt").asText(), view::toString);
        }
    }

    @Test
    void agendaEditedDuringTheSessionReachesEveryoneAndKeepsTheRunningItem() {
        Api facilitator = server.api().as(facilitatorToken);
        try (LiveClient fiona = LiveClient.join(server, sessionId, facilitatorToken, "fiona-laptop", null);
                LiveClient nadia = LiveClient.join(server, sessionId, nurseToken, "nadia-phone", null)) {
            fiona.request("session.start", bodyOf());
            fiona.request("agenda.goto", bodyOf("index", 1));
            JsonNode planned = facilitator.get("sessions/" + sessionId).json().path("agenda");
            Api.Reply edited = facilitator.put("sessions/" + sessionId + "/agenda", List.of(
                    LiveClient.agendaItem("Coffee", "plenary", 15),
                    Map.of("id", planned.get(0).path("id").asText(), "title", "Welcome", "activityType", "plenary", "plannedMinutes", 10),
                    Map.of("id", planned.get(1).path("id").asText(), "title", "World café", "activityType", "world-cafe", "plannedMinutes", 60)));
            assertEquals(200, edited.status(), edited::toString);
            JsonNode changed = nadia.awaitEvent("agenda.changed").path("body").path("agenda");
            assertTrue(changed.get(0).path("config").isMissingNode(), "activity configurations stay on the server: " + changed);
            assertEquals(List.of("Coffee", "Welcome", "World café"),
                    java.util.stream.StreamSupport.stream(changed.spliterator(), false).map(item -> item.path("title").asText()).toList());
        }
        try (LiveClient late = LiveClient.connect(server, sessionId)) {
            JsonNode session = late.request("hello", bodyOf("token", nurseToken)).path("body").path("view").path("session");
            assertEquals(3, session.path("agenda").size());
            assertEquals(2, session.path("currentItem").asInt(), "the world café is still the running item, now third");
        }
        assertEquals("live", facilitator.get("sessions/" + sessionId).json().path("status").asText());
    }

    @Test
    void participantIsRefusedFacilitatorCommandsAndNothingHappens() {
        try (LiveClient nadia = LiveClient.join(server, sessionId, nurseToken, "nadia-phone", null)) {
            for (String command : List.of("session.start", "session.broadcast", "session.end")) {
                JsonNode reply = nadia.request(command, bodyOf("text", "hello"));
                assertEquals("facilitator_only", reply.path("error").path("code").asText(), reply::toString);
            }
            JsonNode ok = nadia.request("chat.send", bodyOf("text", "still here"));
            assertEquals(1, ok.path("body").path("seq").asLong(), "the refused commands logged nothing");
        }
    }

    @Test
    void reconnectingClientGetsExactlyTheEventsItMissed() {
        long seen;
        try (LiveClient nadia = LiveClient.join(server, sessionId, nurseToken, "nadia-phone", null)) {
            nadia.request("chat.send", bodyOf("text", "before the tunnel"));
            seen = nadia.awaitEvent("chat.message").path("seq").asLong();
        }
        try (LiveClient fiona = LiveClient.join(server, sessionId, facilitatorToken, "fiona-laptop", null);
                LiveClient fionaPhone = LiveClient.join(server, sessionId, facilitatorToken, "fiona-phone", null)) {
            for (int i = 0; i < 60; i++) {
                (i % 2 == 0 ? fiona : fionaPhone).request("chat.send", bodyOf("text", "message " + i));
            }
        }
        try (LiveClient nadia = LiveClient.join(server, sessionId, nurseToken, "nadia-phone", seen)) {
            nadia.awaitSeq(61);
            List<Long> seqs = nadia.events().stream().map(e -> e.path("seq").asLong()).toList();
            assertEquals(java.util.stream.LongStream.rangeClosed(2, 61).boxed().toList(), seqs, "no loss, no duplicates");
            assertEquals("message 59", nadia.events().get(59).path("body").path("text").asText());
        }
    }

    @Test
    void clientWhoseLastSeqIsAheadOfTheLogIsToldSoAndGetsTheViewAtTheLogsNumber() {
        try (LiveClient fiona = LiveClient.join(server, sessionId, facilitatorToken, "fiona-laptop", null)) {
            fiona.request("session.start", bodyOf());
            fiona.request("chat.send", bodyOf("text", "the log holds this"));
            fiona.awaitSeq(2);
        }
        try (LiveClient nadia = LiveClient.connect(server, sessionId)) {
            JsonNode reply = nadia.request("hello", bodyOf("token", nurseToken, "clientId", "nadia-phone", "lastSeq", 30));
            JsonNode body = reply.path("body");
            assertTrue(body.path("aheadOfLog").asBoolean(), reply::toString);
            assertEquals(2, body.path("view").path("seq").asLong(), reply::toString);
            assertEquals("the log holds this", body.path("view").path("chat").get(0).path("text").asText());
        }
        try (LiveClient nadia = LiveClient.connect(server, sessionId)) {
            JsonNode reply = nadia.request("hello", bodyOf("token", nurseToken, "clientId", "nadia-phone", "lastSeq", 2));
            assertFalse(reply.path("body").has("aheadOfLog"), reply::toString);
        }
    }

    @Test
    void commandRetriedOnANewConnectionWithTheSameRefIsAppliedOnce() {
        try (LiveClient first = LiveClient.join(server, sessionId, nurseToken, "nadia-phone", null)) {
            first.sendWithRef("chat.send", "c1", bodyOf("text", "sent once"));
            first.reply("c1");
        }
        try (LiveClient retry = LiveClient.join(server, sessionId, nurseToken, "nadia-phone", null)) {
            retry.sendWithRef("chat.send", "c1", bodyOf("text", "sent once"));
            JsonNode reply = retry.reply("c1");
            assertTrue(reply.path("body").path("repeated").asBoolean(), reply::toString);
            assertEquals(1, reply.path("body").path("seq").asLong());
            JsonNode next = retry.request("chat.send", bodyOf("text", "a new message"));
            assertEquals(2, next.path("body").path("seq").asLong(), "the retry logged nothing");
        }
    }

    @Test
    void sessionStateChatAndRetriesSurviveARestart() {
        long chatSeq;
        try (LiveClient fiona = LiveClient.join(server, sessionId, facilitatorToken, "fiona-laptop", null)) {
            fiona.request("session.start", bodyOf());
            fiona.request("agenda.goto", bodyOf("index", 1));
            fiona.sendWithRef("chat.send", "before-restart", bodyOf("text", "Welcome back after coffee"));
            chatSeq = fiona.reply("before-restart").path("body").path("seq").asLong();
        }
        server.restart();
        try (LiveClient fiona = LiveClient.connect(server, sessionId)) {
            JsonNode view = fiona.request("hello", bodyOf("token", facilitatorToken, "clientId", "fiona-laptop")).path("body").path("view");
            assertEquals("live", view.path("session").path("status").asText(), view::toString);
            assertEquals(1, view.path("session").path("currentItem").asInt());
            assertEquals("Welcome back after coffee", view.path("chat").get(0).path("text").asText());
            assertTrue(view.path("seq").asLong() >= chatSeq, "the log goes on from where it was: " + view.path("seq"));
            fiona.sendWithRef("chat.send", "before-restart", bodyOf("text", "Welcome back after coffee"));
            assertTrue(fiona.reply("before-restart").path("body").path("repeated").asBoolean());
        }
        try (LiveClient nadia = LiveClient.join(server, sessionId, nurseToken, "nadia-phone", 1L)) {
            nadia.awaitSeq(chatSeq);
            assertEquals(List.of(2L, chatSeq), nadia.events().stream().map(e -> e.path("seq").asLong()).filter(seq -> seq <= chatSeq).toList(),
                    "what she missed, once each, and nothing meant for facilitators only");
        }
    }
}
