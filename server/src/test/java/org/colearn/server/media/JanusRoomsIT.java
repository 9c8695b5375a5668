package org.colearn.server.media;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.colearn.server.system.MediaSettings;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.JanusGuest;
import org.colearn.server.testing.JanusServer;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Media rooms on a real Janus follow Colearn's rooms: one VideoRoom per place, only the people placed there get in,
 * a person moved away is kicked and their old token refused, closed rooms are destroyed, and a room whose Janus dies
 * is made again on another.
 */
@Timeout(120)
class JanusRoomsIT {

    static final List<String> NAMES = List.of("Amira Ashford", "Ben Ashford", "Cara Bromley", "Dev Bromley");

    JanusServer janus;
    JanusServer spare;
    TestServer server;
    String sessionId;
    LiveClient fiona;
    String invitation;
    String ashfordSite;
    Map<String, LiveClient> people = new LinkedHashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        janus = JanusServer.start();
        spare = JanusServer.start();
        server = TestServer.startWithMedia(new MediaSettings(List.of(janus.url(), spare.url()), JanusServer.ADMIN_KEY,
                List.of("stun:127.0.0.1:3478", "turn:127.0.0.1:3478?transport=udp"), "coturn-secret", Duration.ofHours(1)));
        Api api = server.api();
        String facilitatorToken = People.signUp(api, "Fiona Facilitator");
        Api facilitator = api.as(facilitatorToken);
        String collaborative = People.collaborative(facilitator, "AKI");
        String ashford = People.site(facilitator, collaborative, "Ashford", "trust");
        String bromley = People.site(facilitator, collaborative, "Bromley", "trust");
        String code = People.invitation(facilitator, collaborative, "participant");
        invitation = code;
        ashfordSite = ashford;
        sessionId = People.session(facilitator, collaborative, "Session", 120, List.of(LiveClient.agendaItem("Talk", "plenary", 30)));
        fiona = LiveClient.join(server, sessionId, facilitatorToken, "fiona-laptop", null);
        fiona.request("session.start", bodyOf());
        for (String name : NAMES) {
            String token = People.signUp(api, name);
            People.join(api.as(token), code, name.endsWith("Ashford") ? ashford : bromley, "nurse");
            people.put(name, LiveClient.join(server, sessionId, token, "client-" + name.replace(' ', '-'), null));
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        people.values().forEach(LiveClient::close);
        if (fiona != null) {
            fiona.close();
        }
        if (server != null) {
            server.close();
        }
        if (janus != null) {
            janus.close();
        }
        if (spare != null) {
            spare.close();
        }
    }

    @Test
    void everyonePresentIsGivenThePlenarysJanusRoomWithATokenOfTheirOwnAndTurnCredentials() {
        JsonNode amira = mediaRoom(people.get("Amira Ashford"), "plenary");
        JsonNode ben = mediaRoom(people.get("Ben Ashford"), "plenary");
        assertEquals("janus", amira.path("mode").asText());
        assertEquals(amira.path("room").asLong(), ben.path("room").asLong());
        assertNotEquals(amira.path("token").asText(), ben.path("token").asText());
        JsonNode turn = amira.path("iceServers").get(1);
        assertTrue(turn.path("username").asText().endsWith(":" + personId(people.get("Amira Ashford"))), turn::toString);
        assertFalse(turn.path("credential").asText().isEmpty(), turn::toString);
        JanusGuest probe = new JanusGuest(URIs.of(amira));
        assertEquals("joined", probe.join(amira.path("room").asLong(), amira.path("token").asText(), amira.path("feed").asLong())
                .path("videoroom").asText());
    }

    @Test
    void eachBreakoutRoomHasItsOwnJanusRoomThatRefusesTheTokensOfAnotherRoom() {
        fiona.request("rooms.open", bodyOf("count", 2));
        Map<String, JsonNode> rooms = new LinkedHashMap<>();
        people.forEach((name, client) -> rooms.put(name, mediaRoomNot(client, "plenary")));
        JsonNode amira = rooms.get("Amira Ashford");
        JsonNode other = rooms.values().stream().filter(room -> !room.path("place").equals(amira.path("place"))).findFirst().orElseThrow();
        assertNotEquals(amira.path("room").asLong(), other.path("room").asLong());

        JanusGuest intruder = new JanusGuest(URIs.of(other));
        JsonNode refused = intruder.join(other.path("room").asLong(), amira.path("token").asText(), amira.path("feed").asLong());
        assertTrue(refused.has("error_code"), "a token of another table is refused: " + refused);
        JsonNode noToken = new JanusGuest(URIs.of(other)).join(other.path("room").asLong(), null, 42);
        assertTrue(noToken.has("error_code"), "no token, no entry: " + noToken);
        JsonNode ownRoom = new JanusGuest(URIs.of(amira)).join(amira.path("room").asLong(), amira.path("token").asText(), amira.path("feed").asLong());
        assertEquals("joined", ownRoom.path("videoroom").asText(), ownRoom::toString);
    }

    @Test
    void aPersonMovedToAnotherRoomIsKickedFromTheOldOneAndTheirOldTokenNoLongerOpensIt() {
        fiona.request("rooms.open", bodyOf("count", 2));
        LiveClient amiraClient = people.get("Amira Ashford");
        JsonNode before = mediaRoomNot(amiraClient, "plenary");
        JanusGuest amira = new JanusGuest(URIs.of(before));
        long oldRoom = before.path("room").asLong();
        assertEquals("joined", amira.join(oldRoom, before.path("token").asText(), before.path("feed").asLong()).path("videoroom").asText());
        assertTrue(amira.participants(oldRoom).contains(before.path("feed").asLong()));

        String otherRoom = before.path("place").asText().equals("r1") ? "r2" : "r1";
        JsonNode moved = fiona.request("room.move", bodyOf("personId", personId(amiraClient), "roomId", otherRoom));
        assertTrue(moved.path("ok").asBoolean(), moved::toString);
        JsonNode after = mediaRoom(amiraClient, otherRoom);
        assertNotEquals(oldRoom, after.path("room").asLong());
        assertFalse(amira.participants(oldRoom).contains(before.path("feed").asLong()), "kicked from the old room");
        JsonNode again = new JanusGuest(URIs.of(before)).join(oldRoom, before.path("token").asText(), before.path("feed").asLong());
        assertTrue(again.has("error_code"), "the old token is refused: " + again);
    }

    @Test
    void closingTheRoomsDestroysTheirJanusRoomsAndBringsEveryoneBackToThePlenarysRoom() {
        JsonNode plenary = mediaRoom(people.get("Amira Ashford"), "plenary");
        fiona.request("rooms.open", bodyOf("count", 2));
        JsonNode table = mediaRoomNot(people.get("Amira Ashford"), "plenary");
        JanusGuest probe = new JanusGuest(URIs.of(table));
        assertTrue(probe.exists(table.path("room").asLong()));
        fiona.request("rooms.close", bodyOf());
        awaitTrue(() -> !probe.exists(table.path("room").asLong()), "the table's Janus room is destroyed");
        JsonNode back = people.get("Amira Ashford").await(frame -> isMediaRoom(frame, "plenary")
                && !frame.path("body").path("token").equals(plenary.path("token")), "back in the plenary's media room");
        assertEquals(plenary.path("room").asLong(), back.path("body").path("room").asLong());
    }

    @Test
    void aPlenaryOfMoreThanEightPeopleIsJoinedMutedAndASmallerOneIsNot() {
        JsonNode five = mediaRoom(people.get("Amira Ashford"), "plenary");
        assertFalse(five.path("startMuted").asBoolean(), "five in the plenary: " + five);
        Api api = server.api();
        for (String name : List.of("Eve Ashford", "Fay Ashford", "Gus Bromley", "Hal Bromley")) {
            String token = People.signUp(api, name);
            People.join(api.as(token), invitation, ashfordSite, "nurse");
            people.put(name, LiveClient.join(server, sessionId, token, "client-" + name.replace(' ', '-'), null));
        }
        JsonNode nine = people.get("Amira Ashford").await(frame -> isMediaRoom(frame, "plenary") && frame.path("body").path("startMuted").asBoolean(),
                "the plenary of nine, joined muted").path("body");
        assertEquals(five.path("room").asLong(), nine.path("room").asLong(), "the same room, joined muted");
        people.get("Hal Bromley").await(frame -> isMediaRoom(frame, "plenary") && frame.path("body").path("startMuted").asBoolean(),
                "the ninth person joins the plenary muted");
    }

    @Test
    void aRoomWhoseJanusDiesIsMadeAgainOnTheOtherAndItsPeopleAreToldWithinTenSeconds() throws Exception {
        JsonNode first = mediaRoom(people.get("Amira Ashford"), "plenary");
        JanusServer hosting = first.path("server").asText().equals(janus.url().toString()) ? janus : spare;
        JanusServer other = hosting == janus ? spare : janus;
        Instant killed = Instant.now();
        hosting.kill();
        JsonNode moved = people.get("Amira Ashford").await(frame -> isMediaRoom(frame, "plenary")
                && frame.path("body").path("server").asText().equals(other.url().toString()), "the plenary on the other Janus", Duration.ofSeconds(10));
        assertTrue(Duration.between(killed, Instant.now()).toMillis() < 10_000);
        JsonNode room = moved.path("body");
        assertEquals("joined", new JanusGuest(other.url()).join(room.path("room").asLong(), room.path("token").asText(), room.path("feed").asLong())
                .path("videoroom").asText());
    }

    static JsonNode mediaRoom(LiveClient client, String place) {
        return client.await(frame -> isMediaRoom(frame, place), "media room of " + place).path("body");
    }

    static JsonNode mediaRoomNot(LiveClient client, String place) {
        return client.await(frame -> "media.room".equals(frame.path("type").asText())
                && frame.path("body").has("place") && !place.equals(frame.path("body").path("place").asText()), "a media room other than " + place).path("body");
    }

    static boolean isMediaRoom(JsonNode frame, String place) {
        return "media.room".equals(frame.path("type").asText()) && place.equals(frame.path("body").path("place").asText());
    }

    static String personId(LiveClient client) {
        return client.hello().path("body").path("view").path("you").path("personId").asText();
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + ": not within 10 s");
            }
        }
    }

    /** The Janus a media room frame names. */
    static final class URIs {
        static java.net.URI of(JsonNode room) {
            return java.net.URI.create(room.path("server").asText());
        }
    }
}
