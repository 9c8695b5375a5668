package org.colearn.server.live;

import static org.colearn.server.live.LiveCafeAtSizeIT.cafeSession;
import static org.colearn.server.live.LiveCafeAtSizeIT.guestTokens;
import static org.colearn.server.live.LiveCafeAtSizeIT.slowRequest;
import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.colearn.server.system.Json;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The log keeps what changed and a snapshot of the whole state beside it; a server that restarts brings the session
 * back from its latest snapshot and the events after it, as it was.
 */
@Timeout(120)
class LiveSnapshotIT {

    TestServer server;
    Api facilitator;
    String facilitatorToken;
    String sessionId;
    final List<LiveClient> people = new ArrayList<>();
    final List<String> guestTokens = new ArrayList<>();

    @BeforeEach
    void setUp() {
        server = TestServer.start();
        facilitatorToken = People.signUp(server.api(), "Fiona Facilitator");
        facilitator = server.api().as(facilitatorToken);
        sessionId = cafeSession(facilitator, 4, 3);
    }

    @AfterEach
    void tearDown() {
        people.forEach(LiveClient::close);
        server.close();
    }

    @Test
    void aCafeRestoredFromItsSnapshotAndTheEventsAfterItIsTheCafeEveryoneSawBeforeTheRestart() throws Exception {
        ObjectNode before;
        List<JsonNode> seatsBefore = new ArrayList<>();
        try (LiveClient fiona = LiveClient.join(server, sessionId, facilitatorToken, "fiona-laptop", null)) {
            List<String> tokens = guestTokens(server, facilitator, sessionId, 12, 3);
            for (int i = 0; i < tokens.size(); i++) {
                people.add(LiveClient.join(server, sessionId, tokens.get(i), String.format("guest-%04d", i), null));
            }
            guestTokens.addAll(tokens);
            fiona.request("session.start", bodyOf());
            fiona.request("agenda.goto", bodyOf("index", 0));
            assertTrue(slowRequest(fiona, "world-cafe.begin").path("ok").asBoolean());
            for (LiveClient person : people) {
                seatsBefore.add(person.awaitActivityView(
                        cafe -> cafe.path("round").asInt() == 1 && cafe.path("table").has("number"), "a seat").path("table"));
            }
            // After the round's snapshot: these live only in the log's tail.
            assertTrue(people.get(0).request("world-cafe.note", bodyOf("kind", "insight", "text", "Huddles at 8")).path("ok").asBoolean());
            assertTrue(people.get(1).request("chat.send", bodyOf("text", "Which ward?")).path("ok").asBoolean());
            before = freshView(facilitatorToken, "fiona-probe-1");
        }
        long snapshotSeq = longValue("select max(seq) from session_snapshot where session_id = ?");
        long lastSeq = longValue("select max(seq) from session_event where session_id = ?");
        assertTrue(snapshotSeq > 0 && snapshotSeq < lastSeq, "a snapshot, and events after it: " + snapshotSeq + " < " + lastSeq);
        JsonNode change = Json.MAPPER.readTree(text(
                "select body from session_event where session_id = ? and type = 'activity.state' order by seq desc fetch first 1 rows only"));
        assertTrue(change.has("patch") && !change.has("state"), () -> "an activity.state event carries what changed: " + change);
        int snapshotLength = text("select state from session_snapshot where session_id = ?").length();
        assertTrue(change.toString().length() * 5 < snapshotLength,
                "what changed (" + change.toString().length() + " characters) is a small part of the state (" + snapshotLength + ")");

        server.restart();
        people.forEach(LiveClient::close);
        people.clear();

        long loggedSeq = longValue("select max(seq) from session_event where session_id = ?");
        ObjectNode after = freshView(facilitatorToken, "fiona-probe-2");
        assertEquals(loggedSeq, after.path("seq").asLong(), "everything logged is back, and nothing more");
        // The leaves after the first view was taken were logged too; they change the café's state, not the session's.
        before.remove("seq");
        after.remove("seq");
        JsonNode activityBefore = before.remove("activity");
        JsonNode activityAfter = after.remove("activity");
        assertEquals(before, after, "the session (agenda, item, rooms, chat, results) is as it was");
        assertEquals(activityBefore.path("view").path("round"), activityAfter.path("view").path("round"));
        assertTrue(activityAfter.toString().contains("Huddles at 8"), "the note from the log's tail is back: " + activityAfter);
        for (int i = 0; i < 12; i++) {
            try (LiveClient guest = LiveClient.join(server, sessionId, guestTokens.get(i), "guest-" + i + "-again", null)) {
                JsonNode table = guest.view().path("activity").path("view").path("table");
                assertEquals(seatsBefore.get(i).path("number"), table.path("number"), "guest " + i + " is back at their table");
                assertEquals(ids(seatsBefore.get(i).path("members")), ids(table.path("members")), "with the same tablemates");
            }
        }
    }

    private static java.util.Set<String> ids(JsonNode members) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        members.forEach(member -> ids.add(member.path("personId").asText()));
        return ids;
    }

    private ObjectNode freshView(String token, String clientId) {
        try (LiveClient probe = LiveClient.join(server, sessionId, token, clientId, null)) {
            return (ObjectNode) probe.view().deepCopy();
        }
    }

    private long longValue(String sql) throws SQLException {
        return Long.parseLong(text(sql));
    }

    private String text(String sql) throws SQLException {
        try (Connection connection = server.dataSource().getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, UUID.fromString(sessionId));
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
