package org.colearn.server.live;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Predicate;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.StalledSocket;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A client that stops reading is dropped once it falls too far behind; nobody else waits for it. */
@Timeout(90)
class LiveSlowClientIT {

    /**
     * Each talker sends two messages a wave, inside the rate limit: 3,200 messages of 2 KB in all, enough to fill the
     * kernel's socket buffers on both sides (the server's grows to 4 MB) and then the connection's own queue.
     */
    static final int TALKERS = 40;
    static final int WAVES = 40;
    static final int EACH_WAVE = 2;

    TestServer server;
    Api facilitator;
    String facilitatorToken;
    String collaborative;
    String site;
    String invitation;
    String sessionId;

    @BeforeEach
    void setUp() {
        server = TestServer.start();
        Api api = server.api();
        facilitatorToken = People.signUp(api, "Fiona Facilitator");
        facilitator = api.as(facilitatorToken);
        collaborative = People.collaborative(facilitator, "Sepsis");
        site = People.site(facilitator, collaborative, "Ashford", "trust");
        invitation = People.invitation(facilitator, collaborative, "participant");
        sessionId = People.session(facilitator, collaborative, "Learning session 4", 60,
                List.of(LiveClient.agendaItem("Welcome", "plenary", 10)));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void clientThatStopsReadingIsClosedWith4008WhileEveryoneElseReceivesEveryMessage() throws Exception {
        String samToken = participant("Sam Stalled");
        String nadiaToken = participant("Nadia Nurse");
        List<String> talkerTokens = new ArrayList<>();
        for (int i = 0; i < TALKERS; i++) {
            talkerTokens.add(participant("Talker " + i));
        }
        String text = "A long message about the sepsis bundle. ".repeat(48);
        List<LiveClient> talkers = new ArrayList<>();
        try (LiveClient fiona = LiveClient.join(server, sessionId, facilitatorToken, "fiona-laptop", null);
                LiveClient nadia = LiveClient.join(server, sessionId, nadiaToken, "nadia-phone", null);
                StalledSocket sam = StalledSocket.open(server, "/ws/sessions/" + sessionId + "?v=1")) {
            sam.sendText("{\"type\":\"hello\",\"body\":{\"token\":\"" + samToken + "\",\"clientId\":\"sam-phone\"}}");
            // Presence is paced: Sam may arrive in one diff with others, or in the whole state Fiona gets at first.
            String samId = personId(fiona.await(frame -> personId(frame, "Sam Stalled") != null, "Sam arriving"), "Sam Stalled");
            fiona.request("session.start", bodyOf());
            for (String token : talkerTokens) {
                talkers.add(LiveClient.join(server, sessionId, token, "talker-" + talkers.size(), null));
            }

            // Sam reads nothing from here on, while the room talks faster than his network can carry it: wave after
            // wave of long messages, each wave sent once everyone who reads has received the one before.
            int sent = 0;
            for (int wave = 1; wave <= WAVES; wave++) {
                for (int message = 0; message < EACH_WAVE; message++) {
                    for (LiveClient talker : talkers) {
                        talker.sendWithRef("chat.send", "w" + wave + "." + message, bodyOf("text", text));
                        sent++;
                    }
                }
                for (LiveClient talker : talkers) {
                    for (int message = 0; message < EACH_WAVE; message++) {
                        JsonNode reply = talker.reply("w" + wave + "." + message);
                        assertTrue(reply.path("ok").asBoolean(), reply::toString);
                    }
                }
                assertTrue(nadia.awaitCount(type("chat.message"), sent), "Nadia kept up with wave " + wave);
            }
            long expected = sent;
            assertTrue(nadia.awaitCount(type("chat.message"), expected), "Nadia received every one of the " + expected + " messages");

            JsonNode left = fiona.await(frame -> "presence.diff".equals(frame.path("type").asText())
                    && frame.path("body").path("leaves").has(samId), "Sam dropped from the session");
            assertEquals("Sam Stalled", left.path("body").path("leaves").path(samId).path("name").asText());
            OptionalInt code = sam.drainToClose();
            assertEquals(OptionalInt.of(4008), code, "Sam is told he fell behind, so his app resumes when it can");
        } finally {
            talkers.forEach(LiveClient::close);
        }
        try (LiveClient sam = LiveClient.join(server, sessionId, samToken, "sam-phone", null)) {
            assertEquals("live", sam.view().path("session").path("status").asText(), "Sam can come back and catch up");
        }
    }

    private String participant(String name) {
        String token = People.signUp(server.api(), name);
        People.join(server.api().as(token), invitation, site, "nurse");
        return token;
    }

    /** The id under which a presence frame (the whole state, or a diff's joins) lists the person called {@code name}. */
    private static String personId(JsonNode frame, String name) {
        JsonNode people = switch (frame.path("type").asText()) {
            case "presence.state" -> frame.path("body");
            case "presence.diff" -> frame.path("body").path("joins");
            default -> MissingNode.getInstance();
        };
        for (Map.Entry<String, JsonNode> person : people.properties()) {
            if (name.equals(person.getValue().path("name").asText())) {
                return person.getKey();
            }
        }
        return null;
    }

    private static Predicate<JsonNode> type(String type) {
        return frame -> type.equals(frame.path("type").asText());
    }

}
