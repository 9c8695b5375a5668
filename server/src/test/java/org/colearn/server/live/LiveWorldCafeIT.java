package org.colearn.server.live;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The built-in world café in a live session on a real server: tables as breakout rooms, round after round. */
@Timeout(90)
class LiveWorldCafeIT {

    static final List<String> SITES = List.of("Ashford", "Bromley", "Croydon");

    TestServer server;
    String facilitatorToken;
    final List<String> tokens = new ArrayList<>();
    String sessionId;

    @BeforeEach
    void setUp() {
        server = TestServer.start();
        Api api = server.api();
        facilitatorToken = People.signUp(api, "Fiona Facilitator");
        Api facilitator = api.as(facilitatorToken);
        String collaborative = People.collaborative(facilitator, "Deterioration");
        List<String> sites = SITES.stream().map(site -> People.site(facilitator, collaborative, site, "trust")).toList();
        String code = People.invitation(facilitator, collaborative, "participant");
        for (int i = 0; i < 9; i++) {
            String token = People.signUp(api, "Person " + (i + 1));
            People.join(api.as(token), code, sites.get(i % 3), i % 2 == 0 ? "nurse" : "doctor");
            tokens.add(token);
        }
        sessionId = People.session(facilitator, collaborative, "Learning session 5", 90, List.of(Map.of(
                "title", "World café", "activityType", "world-cafe", "plannedMinutes", 45,
                "config", Map.of("tableSize", 3, "tables", 0, "rounds", 2, "roundMinutes", 15,
                        "questions", List.of("What helped?", "What got in the way?"), "hosts", "automatic",
                        "noteKinds", List.of("insight", "change idea", "question"), "mixSites", true,
                        "mixProfessions", true, "avoidEarlierMeetings", true))));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void tablesBecomeRoomsHostsStayNobodyMeetsTwiceAndTheHarvestIsKeptEvenAcrossARestart() {
        List<LiveClient> people = new ArrayList<>();
        Map<String, Set<String>> firstTablemates = new HashMap<>();
        Map<String, String> firstRooms = new HashMap<>();
        try (LiveClient fiona = LiveClient.join(server, sessionId, facilitatorToken, "fiona-laptop", null)) {
            for (int i = 0; i < tokens.size(); i++) {
                people.add(LiveClient.join(server, sessionId, tokens.get(i), "person-" + i, null));
            }
            fiona.request("session.start", bodyOf());
            fiona.request("agenda.goto", bodyOf("index", 0));
            JsonNode began = fiona.request("world-cafe.begin", bodyOf());
            assertTrue(began.path("ok").asBoolean(), began::toString);

            for (LiveClient person : people) {
                JsonNode room = person.awaitEvent("room.assigned").path("body").path("room");
                assertTrue(room.path("name").asText().startsWith("Table "), room::toString);
                JsonNode table = cafeView(person, view -> view.path("round").asInt() == 1).path("table");
                assertEquals(room.path("name").asText(), "Table " + table.path("number").asInt(), "the room is their table");
                firstTablemates.put(person.view().path("you").path("personId").asText(), ids(table.path("members")));
                firstRooms.put(person.view().path("you").path("personId").asText(), room.path("name").asText());
            }
            for (LiveClient person : people) {
                assertTrue(cafeView(person, view -> view.path("round").asInt() == 1).path("next").path("table").asInt() > 0,
                        "everyone is told where they go next, in the view they share with their table");
            }
            LiveClient writer = people.get(0);
            JsonNode noted = writer.request("world-cafe.note", bodyOf("kind", "insight", "text", "Huddles at 8 and 8"));
            assertTrue(noted.path("ok").asBoolean(), noted::toString);
            String noteId = cafeView(writer, view -> view.path("table").path("notes").size() == 1)
                    .path("table").path("notes").get(0).path("id").asText();
            Set<String> writersTable = firstTablemates.get(writer.view().path("you").path("personId").asText());
            LiveClient agreeing = people.stream().filter(person -> person != writer
                    && writersTable.contains(person.view().path("you").path("personId").asText())).findFirst().orElseThrow();
            assertTrue(agreeing.request("world-cafe.agree", bodyOf("noteId", noteId, "agree", true)).path("ok").asBoolean());
            assertEquals(noteId, cafeView(agreeing, view -> view.path("agreed").size() == 1).path("agreed").get(0).asText(),
                    "the one who agreed sees it in their own part of the view");
            JsonNode writersView = cafeView(writer, view -> view.path("table").path("notes").path(0).path("agreements").asInt() == 1);
            assertEquals(0, writersView.path("agreed").size(), () -> "the writer sees one agreement, not theirs: " + writersView);

            // The server restarts in the middle of round 1: everyone reconnects to their table, and the round's timer
            // still ends it.
            server.restart();
            people.forEach(LiveClient::close);
            people.clear();
        }
        // A new tab: its command refs start again, so it must not pass for the tab that sent the first ones.
        try (LiveClient fiona = LiveClient.join(server, sessionId, facilitatorToken, "fiona-tablet", null)) {
            for (int i = 0; i < tokens.size(); i++) {
                people.add(LiveClient.join(server, sessionId, tokens.get(i), "person-" + i, null));
            }
            for (LiveClient person : people) {
                String me = person.view().path("you").path("personId").asText();
                assertEquals(firstRooms.get(me), person.view().path("rooms").path("rooms").get(0).path("name").asText(),
                        "back at their table after the restart");
            }
            server.clock().advance(Duration.ofMinutes(15));
            for (LiveClient person : people) {
                String me = person.view().path("you").path("personId").asText();
                JsonNode round = cafeView(person, view -> view.path("round").asInt() == 2);
                assertFalse(round.path("warning").asBoolean(), "a new round starts without the last one's warning");
                JsonNode table = round.path("table");
                Set<String> again = ids(table.path("members"));
                again.retainAll(firstTablemates.get(me));
                assertEquals(Set.of(me), again, "nobody sits with a tablemate of round 1 again");
                if (table.path("host").asBoolean()) {
                    assertEquals(firstRooms.get(me), "Table " + table.path("number").asInt(), "hosts stay at their table");
                }
            }
            JsonNode finished = fiona.request("world-cafe.finish", bodyOf());
            assertTrue(finished.path("ok").asBoolean(), finished::toString);
            people.get(0).awaitEvent("rooms.closed");
            JsonNode wall = cafeView(people.get(1), view -> view.path("phase").asText().equals("done")).path("wall");
            assertEquals("Huddles at 8 and 8", wall.get(0).path("kinds").get(0).path("notes").get(0).path("text").asText());
        } finally {
            people.forEach(LiveClient::close);
        }
        Api facilitator = server.api().as(facilitatorToken);
        List<JsonNode> results = new ArrayList<>();
        facilitator.get("sessions/" + sessionId + "/results").json().forEach(results::add);
        JsonNode kept = results.stream().filter(r -> r.path("title").asText().equals("World café harvest")).findFirst().orElseThrow();
        String csv = facilitator.get("sessions/" + sessionId + "/results/" + kept.path("seq").asLong() + ".csv").text();
        assertTrue(csv.contains("1,What helped?,") && csv.contains(",insight,Huddles at 8 and 8,Person 1,1,"), csv);
    }

    /** The latest café view that matches, whether it came with the hello reply or as a change since. */
    private static JsonNode cafeView(LiveClient client, java.util.function.Predicate<JsonNode> matches) {
        java.util.function.Function<JsonNode, JsonNode> activity = frame -> "activity.view".equals(frame.path("type").asText())
                ? frame.path("body") : frame.path("body").path("view").path("activity");
        return activity.apply(client.await(frame -> activity.apply(frame).path("type").asText().equals("world-cafe")
                && matches.test(activity.apply(frame).path("view")), "a café view")).path("view");
    }

    private static Set<String> ids(JsonNode members) {
        Set<String> ids = new HashSet<>();
        members.forEach(member -> ids.add(member.path("personId").asText()));
        return ids;
    }
}
