package org.colearn.server.live;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
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

/** Breakout rooms: people are spread across sites, hear only their own room, and never get stranded. */
@Timeout(60)
class LiveRoomsIT {

    static final List<String> NAMES = List.of("Amira Ashford", "Ben Ashford", "Cara Bromley", "Dev Bromley");

    TestServer server;
    String facilitatorToken;
    Map<String, String> tokens = new java.util.LinkedHashMap<>();
    String sessionId;
    LiveClient fiona;
    Map<String, LiveClient> people = new java.util.LinkedHashMap<>();

    @BeforeEach
    void setUp() {
        server = TestServer.start();
        Api api = server.api();
        facilitatorToken = People.signUp(api, "Fiona Facilitator");
        Api facilitator = api.as(facilitatorToken);
        String collaborative = People.collaborative(facilitator, "AKI");
        String ashford = People.site(facilitator, collaborative, "Ashford", "trust");
        String bromley = People.site(facilitator, collaborative, "Bromley", "trust");
        String code = People.invitation(facilitator, collaborative, "participant");
        for (String name : NAMES) {
            String token = People.signUp(api, name);
            People.join(api.as(token), code, name.endsWith("Ashford") ? ashford : bromley, "nurse");
            tokens.put(name, token);
        }
        sessionId = People.session(facilitator, collaborative, "Session", 120, List.of(LiveClient.agendaItem("Breakouts", "plenary", 30)));
        fiona = LiveClient.join(server, sessionId, facilitatorToken, "fiona-laptop", null);
        fiona.request("session.start", bodyOf());
        for (String name : NAMES) {
            people.put(name, LiveClient.join(server, sessionId, tokens.get(name), "client-" + name.replace(' ', '-'), null));
        }
    }

    @AfterEach
    void tearDown() {
        people.values().forEach(LiveClient::close);
        fiona.close();
        server.close();
    }

    @Test
    void roomsOpenedByNumberMixSitesAndEachPersonLearnsOnlyTheirOwnRoom() {
        JsonNode ok = fiona.request("rooms.open", bodyOf("count", 2));
        assertTrue(ok.path("ok").asBoolean(), ok::toString);
        JsonNode all = fiona.awaitEvent("rooms.opened").path("body").path("rooms");
        assertEquals(2, all.size());
        for (JsonNode room : all) {
            Set<String> sites = new HashSet<>();
            room.path("members").forEach(member -> sites.add(member.path("site").asText()));
            assertEquals(Set.of("Ashford", "Bromley"), sites, "each room mixes both sites: " + room);
        }
        for (Map.Entry<String, LiveClient> person : people.entrySet()) {
            JsonNode mine = person.getValue().awaitEvent("room.assigned").path("body").path("room");
            assertTrue(names(mine).contains(person.getKey()), mine::toString);
            person.getValue().awaitEvent("breakouts.opened");
            for (JsonNode event : person.getValue().events()) {
                assertNotEquals("rooms.opened", event.path("type").asText(), "the full plan reaches facilitators only");
                if (event.path("type").asText().equals("room.assigned")) {
                    assertEquals(mine.path("id"), event.path("body").path("room").path("id"), "no other room's assignment");
                }
            }
        }
    }

    @Test
    void roomChatReachesTheRoomAndFacilitatorsButNoOtherRoom() {
        fiona.request("rooms.open", bodyOf("count", 2));
        LiveClient amira = people.get("Amira Ashford");
        String amirasRoom = amira.awaitEvent("room.assigned").path("body").path("room").path("id").asText();
        List<String> sameRoom = new ArrayList<>();
        List<String> otherRoom = new ArrayList<>();
        for (Map.Entry<String, LiveClient> person : people.entrySet()) {
            String room = person.getValue().awaitEvent("room.assigned").path("body").path("room").path("id").asText();
            (room.equals(amirasRoom) ? sameRoom : otherRoom).add(person.getKey());
        }
        amira.request("room.chat.send", bodyOf("text", "We audit AKI alerts weekly"));
        fiona.request("chat.send", bodyOf("text", "Two minutes left in the rooms"));
        for (String name : sameRoom) {
            assertEquals("We audit AKI alerts weekly", people.get(name).awaitEvent("room.chat.message").path("body").path("text").asText());
        }
        assertEquals(amirasRoom, fiona.awaitEvent("room.chat.message").path("body").path("roomId").asText());
        for (String name : otherRoom) {
            LiveClient other = people.get(name);
            other.awaitEvent("chat.message");
            assertTrue(other.events().stream().noneMatch(e -> e.path("type").asText().equals("room.chat.message")),
                    name + " is in another room and must not hear it");
        }
    }

    @Test
    void helpRequestReachesFacilitatorsOnly() {
        fiona.request("rooms.open", bodyOf("count", 2));
        LiveClient dev = people.get("Dev Bromley");
        dev.awaitEvent("room.assigned");
        JsonNode ok = dev.request("help.request", bodyOf("message", "Our table is stuck"));
        assertTrue(ok.path("ok").asBoolean(), ok::toString);
        JsonNode help = fiona.awaitEvent("help.requested").path("body");
        assertEquals("Dev Bromley", help.path("name").asText());
        assertEquals("Our table is stuck", help.path("message").asText());
        dev.request("chat.send", bodyOf("text", "marker"));
        LiveClient amira = people.get("Amira Ashford");
        amira.awaitEvent("chat.message");
        assertTrue(amira.events().stream().noneMatch(e -> e.path("type").asText().equals("help.requested")));
    }

    @Test
    void facilitatorMarksAHelpRequestHandledAndItsSenderIsToldByWhom() {
        fiona.request("rooms.open", bodyOf("count", 2));
        LiveClient dev = people.get("Dev Bromley");
        dev.awaitEvent("room.assigned");
        dev.request("help.request", bodyOf("message", "Our table is stuck"));
        String devId = fiona.awaitEvent("help.requested").path("body").path("personId").asText();

        JsonNode ok = fiona.request("help.handle", bodyOf("personId", devId));
        assertTrue(ok.path("ok").asBoolean(), ok::toString);
        JsonNode told = dev.awaitEvent("help.handled").path("body");
        assertEquals("Fiona Facilitator", told.path("by").asText());
        assertEquals(devId, fiona.awaitEvent("help.handled").path("body").path("personId").asText(), "every facilitator sees it handled");

        JsonNode again = fiona.request("help.handle", bodyOf("personId", devId));
        assertEquals("no_such_request", again.path("error").path("code").asText(), "a request is handled once: " + again);
        LiveClient amira = people.get("Amira Ashford");
        JsonNode refused = amira.request("help.handle", bodyOf("personId", devId));
        assertEquals("facilitator_only", refused.path("error").path("code").asText(), refused::toString);
        dev.request("chat.send", bodyOf("text", "marker"));
        amira.awaitEvent("chat.message");
        assertTrue(amira.events().stream().noneMatch(e -> e.path("type").asText().equals("help.handled")),
                "nobody else hears whose request was handled");
    }

    @Test
    void someoneMovedIntoARoomReadsItsChatSoFarAndNoOtherRoomsChat() {
        fiona.request("rooms.open", bodyOf("count", 2));
        LiveClient amira = people.get("Amira Ashford");
        JsonNode amirasRoom = amira.awaitEvent("room.assigned").path("body").path("room");
        assertEquals(0, amirasRoom.path("chat").size(), "a room opens with an empty chat");
        String target = amirasRoom.path("id").asText();
        String other = target.equals("r1") ? "r2" : "r1";
        LiveClient mover = null;
        String moverName = null;
        for (Map.Entry<String, LiveClient> person : people.entrySet()) {
            JsonNode room = person.getValue().awaitEvent("room.assigned").path("body").path("room");
            if (room.path("id").asText().equals(other) && mover == null) {
                mover = person.getValue();
                moverName = person.getKey();
            }
        }
        amira.request("room.chat.send", bodyOf("text", "We audit AKI alerts weekly"));
        mover.request("room.chat.send", bodyOf("text", "Bromley's private worry"));
        fiona.await(frame -> "room.chat.message".equals(frame.path("type").asText())
                && frame.path("body").path("text").asText().equals("Bromley's private worry"), "the other room's message");
        String moverId = personId(mover.awaitEvent("room.assigned").path("body").path("room"), moverName);

        fiona.request("room.move", bodyOf("personId", moverId, "roomId", target));
        JsonNode arrived = mover.await(frame -> "room.assigned".equals(frame.path("type").asText())
                && target.equals(frame.path("body").path("room").path("id").asText()), "the new room").path("body").path("room");
        List<String> chat = new ArrayList<>();
        arrived.path("chat").forEach(message -> chat.add(message.path("text").asText()));
        assertEquals(List.of("We audit AKI alerts weekly"), chat, "the new room's chat so far, and only that room's");
    }

    @Test
    void aRoomsChatStartsWhenItOpensSoNothingSaidInAnEarlierBreakoutComesBack() {
        fiona.request("rooms.open", bodyOf("count", 1));
        LiveClient amira = people.get("Amira Ashford");
        String amiraId = personId(amira.awaitEvent("room.assigned").path("body").path("room"), "Amira Ashford");
        amira.request("room.chat.send", bodyOf("text", "Said in the first breakout"));
        fiona.awaitEvent("room.chat.message");
        fiona.request("rooms.close", bodyOf());
        amira.awaitEvent("rooms.closed");
        fiona.request("rooms.open", bodyOf("count", 1));
        amira.awaitCount(frame -> "room.assigned".equals(frame.path("type").asText()), 2);

        ObjectNode toPlenary = bodyOf("personId", amiraId);
        toPlenary.putNull("roomId");
        assertTrue(fiona.request("room.move", toPlenary).path("ok").asBoolean());
        people.get("Ben Ashford").request("room.chat.send", bodyOf("text", "Said in the second breakout"));
        fiona.await(frame -> frame.path("body").path("text").asText().equals("Said in the second breakout"), "Ben's message");
        assertTrue(fiona.request("room.move", bodyOf("personId", amiraId, "roomId", "r1")).path("ok").asBoolean());
        assertTrue(amira.awaitCount(frame -> "room.assigned".equals(frame.path("type").asText()), 4));
        JsonNode room = amira.events().stream()
                .filter(frame -> "room.assigned".equals(frame.path("type").asText()))
                .reduce((first, second) -> second).orElseThrow()
                .path("body").path("room");
        assertEquals("r1", room.path("id").asText(), room::toString);
        List<String> chat = new ArrayList<>();
        room.path("chat").forEach(message -> chat.add(message.path("text").asText()));
        assertEquals(List.of("Said in the second breakout"), chat, "nothing said in the earlier breakout's Room 1 comes back");
    }

    @Test
    void movedPersonLandsInTheNewRoomAndClosingBringsEveryoneBack() {
        fiona.request("rooms.open", bodyOf("count", 2));
        LiveClient ben = people.get("Ben Ashford");
        JsonNode first = ben.awaitEvent("room.assigned").path("body").path("room");
        String target = first.path("id").asText().equals("r1") ? "r2" : "r1";
        String benId = personId(first, "Ben Ashford");
        JsonNode moved = fiona.request("room.move", bodyOf("personId", benId, "roomId", target));
        assertTrue(moved.path("ok").asBoolean(), moved::toString);
        JsonNode now = ben.await(frame -> "room.assigned".equals(frame.path("type").asText())
                && target.equals(frame.path("body").path("room").path("id").asText()), "the new room");
        assertTrue(names(now.path("body").path("room")).contains("Ben Ashford"));

        try (LiveClient benAgain = LiveClient.connect(server, sessionId)) {
            JsonNode view = benAgain.request("hello", bodyOf("token", tokens.get("Ben Ashford"), "lastSeq", 1)).path("body").path("view");
            assertEquals(target, view.path("rooms").path("myRoomId").asText(), "a reconnecting person lands in their room");
            assertEquals(1, view.path("rooms").path("rooms").size(), "and sees only that room");
        }

        fiona.request("rooms.close", bodyOf());
        for (LiveClient person : people.values()) {
            person.awaitEvent("rooms.closed");
        }
        server.restart();
        try (LiveClient benAfter = LiveClient.connect(server, sessionId)) {
            JsonNode view = benAfter.request("hello", bodyOf("token", tokens.get("Ben Ashford"))).path("body").path("view");
            assertTrue(view.path("rooms").path("myRoomId").isNull(), view::toString);
            assertEquals(false, view.path("rooms").path("open").asBoolean());
        }
    }

    @Test
    void roomsAndAssignmentsComeBackAfterARestart() {
        fiona.request("rooms.open", bodyOf("count", 2));
        String room = people.get("Cara Bromley").awaitEvent("room.assigned").path("body").path("room").path("id").asText();
        server.restart();
        try (LiveClient cara = LiveClient.connect(server, sessionId)) {
            JsonNode view = cara.request("hello", bodyOf("token", tokens.get("Cara Bromley"))).path("body").path("view");
            assertEquals(room, view.path("rooms").path("myRoomId").asText(), view::toString);
        }
    }

    private static List<String> names(JsonNode room) {
        List<String> names = new ArrayList<>();
        room.path("members").forEach(member -> names.add(member.path("name").asText()));
        return names;
    }

    private static String personId(JsonNode room, String name) {
        for (JsonNode member : room.path("members")) {
            if (member.path("name").asText().equals(name)) {
                return member.path("personId").asText();
            }
        }
        throw new AssertionError(name + " is not in " + room);
    }
}
