package org.colearn.server.live;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
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

/**
 * World cafés at the size real collaboratives run them, over real WebSocket connections, from {@code begin} to the
 * harvest and its exports: the café's state and its "who sat together" grow with every round and must all be kept.
 */
@Timeout(300)
class LiveCafeAtSizeIT {

    static final Duration ROUND = Duration.ofMinutes(15);

    TestServer server;
    Api facilitator;
    String facilitatorToken;
    final List<LiveClient> people = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Pings every connection as the web app does, so that none is closed as silent while hundreds more join. */
    final java.util.concurrent.ScheduledExecutorService heartbeat = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void setUp() {
        server = TestServer.start();
        facilitatorToken = People.signUp(server.api(), "Fiona Facilitator");
        facilitator = server.api().as(facilitatorToken);
    }

    @AfterEach
    void tearDown() {
        heartbeat.shutdownNow();
        people.forEach(LiveClient::close);
        server.close();
    }

    @Test
    void aCafeOf110PeopleFrom16SitesAt22TablesRunsFourRoundsToItsHarvestAndExports() {
        runCafe(110, 16, 5, 22);
    }

    @Test
    void aCafeOf300PeopleAtTablesOfSixRunsFourRoundsToItsHarvestAndExports() {
        runCafe(300, 30, 6, 50);
    }

    private void runCafe(int size, int sites, int tableSize, int tables) {
        String sessionId = cafeSession(facilitator, tableSize, 4);
        try (LiveClient fiona = LiveClient.join(server, sessionId, facilitatorToken, "fiona-laptop", null)) {
            heartbeat.scheduleAtFixedRate(() -> {
                ping(fiona);
                people.forEach(LiveCafeAtSizeIT::ping);
            }, OpenConnections.PING_SECONDS, OpenConnections.PING_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
            joinGuests(people, server, facilitator, sessionId, size, sites);
            fiona.request("session.start", bodyOf());
            fiona.request("agenda.goto", bodyOf("index", 0));
            JsonNode began = slowRequest(fiona, "world-cafe.begin");
            assertTrue(began.path("ok").asBoolean(), began::toString);
            for (int round = 1; round <= 4; round++) {
                int expected = round;
                Set<Integer> tablesSeen = new HashSet<>();
                for (LiveClient person : people) {
                    JsonNode view = person.awaitActivityView(
                            cafe -> cafe.path("round").asInt() == expected && cafe.path("table").has("number"),
                            "a seat in round " + expected);
                    tablesSeen.add(view.path("table").path("number").asInt());
                }
                assertEquals(tables, tablesSeen.size(), "everyone is seated, at every table, in round " + round);
                if (round == 2) {
                    JsonNode noted = people.get(0).request("world-cafe.note", bodyOf("kind", "insight", "text", "Sepsis six by the door"));
                    assertTrue(noted.path("ok").asBoolean(), noted::toString);
                }
                server.clock().advance(ROUND);
            }
            JsonNode wall = people.get(1).awaitActivityView(cafe -> cafe.path("phase").asText().equals("done"), "the harvest")
                    .path("wall");
            assertTrue(wall.toString().contains("Sepsis six by the door"), wall::toString);
        }
        Map<String, JsonNode> results = new java.util.HashMap<>();
        facilitator.get("sessions/" + sessionId + "/results").json().forEach(result -> results.put(result.path("title").asText(), result));
        String harvest = facilitator.get("sessions/" + sessionId + "/results/" + results.get("World café harvest").path("seq").asLong() + ".csv").text();
        assertTrue(harvest.contains(",insight,Sepsis six by the door,"), harvest);
        Api.Reply together = facilitator.get("sessions/" + sessionId + "/results/"
                + results.get("World café: who sat together").path("seq").asLong() + ".json");
        assertEquals(200, together.status(), together::toString);
        // Four rounds of full tables, each of n people making n(n-1)/2 pairs: every one of them is kept.
        assertEquals(4 * tables * tableSize * (tableSize - 1) / 2, together.json().path("meetings").size(),
                "the pairs of who sat together");
    }

    private static void ping(LiveClient client) {
        try {
            client.sendRaw("{\"type\":\"ping\"}");
        } catch (RuntimeException busyOrClosed) {
            // The next ping, 20 s later, is in time.
        }
    }

    /** Plans a session whose one item is a world café of {@code rounds} rounds at tables of {@code tableSize}. */
    static String cafeSession(Api facilitator, int tableSize, int rounds) {
        String collaborative = People.collaborative(facilitator, "Sepsis at scale");
        JsonNode created = facilitator.post("collaboratives/" + collaborative + "/sessions", Map.of(
                "title", "Learning session 3", "startsAt", "2026-12-01T09:30:00Z", "durationMinutes", 120,
                "agenda", List.of(Map.of("title", "World café", "activityType", "world-cafe", "plannedMinutes", 90,
                        "config", Map.of("tableSize", tableSize, "tables", 0, "rounds", rounds, "roundMinutes", 15,
                                "questions", List.of("What helped?"), "hosts", "automatic",
                                "noteKinds", List.of("insight", "change idea"), "mixSites", true,
                                "mixProfessions", true, "avoidEarlierMeetings", true))))).json();
        String sessionId = created.path("id").asText();
        assertEquals(200, facilitator.put("sessions/" + sessionId + "/guests", Map.of("allowed", true)).status());
        return sessionId;
    }

    /** {@code count} guests from {@code sites} organisations, each joined over a WebSocket of their own. */
    static List<LiveClient> guests(TestServer server, Api facilitator, String sessionId, int count, int sites) {
        List<LiveClient> joined = new ArrayList<>();
        joinGuests(joined, server, facilitator, sessionId, count, sites);
        return joined;
    }

    /** The same, each added to {@code joined} as soon as it is in, so that it can be pinged while the others join. */
    static void joinGuests(List<LiveClient> joined, TestServer server, Api facilitator, String sessionId, int count, int sites) {
        List<String> tokens = guestTokens(server, facilitator, sessionId, count, sites);
        for (int i = 0; i < count; i++) {
            joined.add(LiveClient.join(server, sessionId, tokens.get(i), String.format("guest-%04d", i), null));
        }
    }

    /** The guest tokens of {@code count} people from {@code sites} organisations who joined with the session's code. */
    static List<String> guestTokens(TestServer server, Api facilitator, String sessionId, int count, int sites) {
        String code = People.guestCode(facilitator, sessionId);
        List<String> professions = List.of("nurse", "doctor", "allied_health_professional", "manager");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Api.Reply guest = server.api().post("sessions/join", Map.of("code", code, "displayName", "Guest " + (i + 1),
                    "site", "Trust " + (i % sites + 1), "profession", professions.get(i % professions.size())));
            assertEquals(201, guest.status(), guest::toString);
            tokens.add(guest.json().path("guestToken").asText());
        }
        return tokens;
    }

    /** A command whose work grows with the café (seating every round of it), given more time than a click. */
    static JsonNode slowRequest(LiveClient client, String type) {
        String ref = "slow-" + type;
        client.sendWithRef(type, ref, bodyOf());
        return client.await(frame -> ref.equals(frame.path("re").asText(null)), "a reply to " + type, Duration.ofSeconds(120));
    }
}
