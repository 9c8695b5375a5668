package org.colearn.server.live;

import static org.colearn.server.live.LiveCafeAtSizeIT.cafeSession;
import static org.colearn.server.live.LiveCafeAtSizeIT.guests;
import static org.colearn.server.live.LiveCafeAtSizeIT.slowRequest;
import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
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

/**
 * A live café whose database refuses a write in the middle of a round (a constraint the test adds to the log's table,
 * then drops): the refused commands are answered, nobody sees anything of them, and the session goes on as it was.
 */
@Timeout(120)
class LiveStoreFailureIT {

    TestServer server;
    Api facilitator;
    String facilitatorToken;
    String sessionId;
    LiveClient fiona;
    final List<LiveClient> people = new ArrayList<>();

    @BeforeEach
    void setUp() {
        server = TestServer.start();
        facilitatorToken = People.signUp(server.api(), "Fiona Facilitator");
        facilitator = server.api().as(facilitatorToken);
        sessionId = cafeSession(facilitator, 4, 3);
        fiona = LiveClient.join(server, sessionId, facilitatorToken, "fiona-laptop", null);
        people.addAll(guests(server, facilitator, sessionId, 16, 4));
        fiona.request("session.start", bodyOf());
        fiona.request("agenda.goto", bodyOf("index", 0));
        assertTrue(slowRequest(fiona, "world-cafe.begin").path("ok").asBoolean());
        for (LiveClient person : people) {
            person.awaitActivityView(cafe -> cafe.path("round").asInt() == 1 && cafe.path("table").has("number"), "a seat in round 1");
        }
    }

    @AfterEach
    void tearDown() {
        people.forEach(LiveClient::close);
        fiona.close();
        server.close();
    }

    @Test
    void aNextRoundTheDatabaseRefusesIsAnsweredStorageFailedAndNobodyMovesUntilItIsSaved() throws SQLException {
        LiveClient pat = people.get(0);
        JsonNode seatBefore = latestCafeView(pat);
        long seqBefore = lastSeq(pat);

        refuse("seq <= " + loggedSeq());
        JsonNode next = fiona.request("world-cafe.nextRound", bodyOf());
        if (next.path("ok").asBoolean()) {
            // The café seats the round off the session's thread: the refusal comes when the seats are given, and what
            // follows shows that nothing of them was kept or sent.
            fiona.await(frame -> "activity.work".equals(frame.path("type").asText())
                    && !"running".equals(frame.path("body").path("status").asText()), "the seating's end");
        } else {
            assertEquals("storage_failed", next.path("error").path("code").asText(), next::toString);
        }
        JsonNode note = pat.request("world-cafe.note", bodyOf("kind", "insight", "text", "Never stored"));
        assertEquals("storage_failed", note.path("error").path("code").asText(), note::toString);
        allow();

        // A command answered after the refused ones proves that they were answered, and that nothing of them was sent.
        JsonNode chat = pat.request("chat.send", bodyOf("text", "Still at table one?"));
        assertTrue(chat.path("ok").asBoolean(), chat::toString);
        pat.awaitSeq(chat.path("body").path("seq").asLong());
        assertEquals(seatBefore, latestCafeView(pat), "the seat and round the person sees are as they were");
        assertTrue(pat.events().stream().noneMatch(event -> event.path("seq").asLong() > seqBefore
                && !event.path("type").asText().equals("chat.message")), () -> "nothing of the refused commands was sent: " + pat.events());
        assertNull(pat.closeReason(), "nobody was disconnected");

        // The round's own timer still ends round 1 (the refused next round left no timer of its own behind).
        server.clock().advance(Duration.ofMinutes(15));
        for (LiveClient person : people) {
            person.awaitActivityView(cafe -> cafe.path("round").asInt() == 2 && cafe.path("table").has("number"), "a seat in round 2");
        }
        JsonNode saved = pat.request("world-cafe.note", bodyOf("kind", "insight", "text", "Saved this time"));
        assertTrue(saved.path("ok").asBoolean(), saved::toString);
        try (LiveClient late = guests(server, facilitator, sessionId, 1, 1).get(0)) {
            JsonNode activity = late.view().path("activity");
            assertEquals("world-cafe", activity.path("type").asText(), late.view()::toString);
            assertEquals(2, activity.path("view").path("round").asInt(), "a newcomer joins the café in round 2");
        }
    }

    @Test
    void aSeatingWhoseSeatsCannotBeSavedIsAnnouncedFailedNeverDoneAndTheNextTryIsDoneOnceSaved() throws SQLException {
        LiveClient pat = people.get(0);
        JsonNode seatBefore = latestCafeView(pat);
        long doneBefore = pat.count(frame -> isWork(frame, "done"));
        long overBefore = pat.count(LiveStoreFailureIT::isWorkOver);
        refuse("type <> 'rooms.opened' or seq <= " + loggedSeq());
        JsonNode next = fiona.request("world-cafe.nextRound", bodyOf());
        // The seats may be given off the session's thread, after the command was answered, or at once, with it.
        assertTrue(next.path("ok").asBoolean() || "storage_failed".equals(next.path("error").path("code").asText()), next::toString);
        assertTrue(pat.awaitCount(LiveStoreFailureIT::isWorkOver, overBefore + 1), "the seating's end");
        JsonNode end = lastMatching(pat, LiveStoreFailureIT::isWorkOver);
        assertEquals("failed", end.path("body").path("status").asText(), end::toString);
        assertTrue(end.path("body").path("message").asText().contains("could not be saved"), end::toString);
        allow();

        JsonNode chat = pat.request("chat.send", bodyOf("text", "Still at table one?"));
        pat.awaitSeq(chat.path("body").path("seq").asLong());
        assertEquals(seatBefore, latestCafeView(pat), "nobody moved");
        assertEquals(doneBefore, pat.count(frame -> isWork(frame, "done")), () -> "nobody was told the seating was done: " + pat.frames());

        assertTrue(fiona.request("world-cafe.nextRound", bodyOf()).path("ok").asBoolean());
        for (LiveClient person : people) {
            person.awaitActivityView(cafe -> cafe.path("round").asInt() == 2 && cafe.path("table").has("number"), "a seat in round 2");
        }
        assertEquals(doneBefore + 1, pat.count(frame -> isWork(frame, "done")), "the seating saved is announced done, before the seats");
    }

    private static JsonNode lastMatching(LiveClient client, java.util.function.Predicate<JsonNode> matches) {
        List<JsonNode> frames = client.frames();
        for (int i = frames.size() - 1; i >= 0; i--) {
            if (matches.test(frames.get(i))) {
                return frames.get(i);
            }
        }
        throw new AssertionError("no such frame: " + frames);
    }

    private static boolean isWorkOver(JsonNode frame) {
        return "activity.work".equals(frame.path("type").asText()) && !"running".equals(frame.path("body").path("status").asText());
    }

    private static boolean isWork(JsonNode frame, String status) {
        return "activity.work".equals(frame.path("type").asText()) && status.equals(frame.path("body").path("status").asText());
    }

    @Test
    void aCafeWhoseChangesKeepFailingIsEndedSoThatPeopleCanStillJoinAndTheFacilitatorMovesOn() throws SQLException {
        refuse("type <> 'activity.state' or seq <= " + loggedSeq());
        LiveClient late = LiveClient.connect(server, sessionId);
        String code = People.guestCode(facilitator, sessionId);
        String token = server.api().post("sessions/join", Map.of("code", code, "displayName", "Late Guest")).json().path("guestToken").asText();
        JsonNode hello = late.request("hello", bodyOf("token", token, "clientId", "late-guest"));
        try {
            assertTrue(hello.path("ok").asBoolean(), hello::toString);
            assertTrue(hello.path("body").path("view").path("activity").isNull(), "the café has ended: " + hello);
            assertEquals(0, hello.path("body").path("view").path("session").path("currentItem").asInt(), "the session is where it was");
            JsonNode failed = fiona.awaitEvent("activity.failed");
            assertTrue(failed.path("body").path("message").asText().contains("could not be saved"), failed::toString);
            JsonNode ended = fiona.request("agenda.end", bodyOf());
            assertTrue(ended.path("ok").asBoolean(), ended::toString);
            for (LiveClient person : people) {
                assertNull(person.closeReason(), "nobody was disconnected");
            }
        } finally {
            late.close();
            allow();
        }
    }

    /** Makes the database refuse every new event of the log that fails {@code condition}. */
    private void refuse(String condition) throws SQLException {
        try (Connection connection = server.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("alter table session_event add constraint refuse_for_test check (" + condition + ")");
        }
    }

    private void allow() throws SQLException {
        try (Connection connection = server.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("alter table session_event drop constraint if exists refuse_for_test");
        }
    }

    private long loggedSeq() throws SQLException {
        try (Connection connection = server.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("select max(seq) from session_event where session_id = ?")) {
            select.setObject(1, java.util.UUID.fromString(sessionId));
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static long lastSeq(LiveClient client) {
        return client.events().stream().mapToLong(event -> event.path("seq").asLong()).max().orElse(0);
    }

    private static JsonNode latestCafeView(LiveClient client) {
        List<JsonNode> frames = client.frames();
        for (int i = frames.size() - 1; i >= 0; i--) {
            if ("activity.view".equals(frames.get(i).path("type").asText())) {
                return frames.get(i).path("body").path("view");
            }
        }
        return client.view().path("activity").path("view");
    }
}
