package org.colearn.server.live;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.colearn.server.system.Json;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Activity messages sent over REST to a running session: applied as if sent over a WebSocket, and checked the same. */
@Timeout(60)
class LiveMessagesIT {

    TestServer server;
    Api api;
    String facilitatorToken;
    String nadiaToken;
    String sessionId;

    @BeforeEach
    void setUp() {
        server = TestServer.start();
        api = server.api();
        People.FacilitatorAndNurse people = People.facilitatorAndNurse(api);
        facilitatorToken = people.facilitatorToken();
        nadiaToken = people.nurseToken();
        Api facilitator = api.as(facilitatorToken);
        String collaborative = people.collaborativeId();
        sessionId = People.session(facilitator, collaborative, "Learning session 2", 60, List.of(
                LiveClient.agendaItem("Welcome", "plenary", 5),
                Map.of("title", "Pulse check", "activityType", "poll", "plannedMinutes", 5, "config", LivePollIT.POLL)));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void aVoteSentOverRestIsCountedAndEveryoneSeesItOnTheirWebSocket() {
        try (LiveClient fiona = LiveClient.join(server, sessionId, facilitatorToken, "fiona-laptop", null);
                LiveClient nadia = LiveClient.join(server, sessionId, nadiaToken, "nadia-phone", null)) {
            fiona.request("session.start", bodyOf());
            long started = fiona.request("agenda.goto", bodyOf("index", 1)).path("body").path("seq").asLong();
            activityView(nadia, view -> view.has("question"));

            Api.Reply vote = message(nadiaToken, "poll.vote", Map.of("choices", List.of(2)));

            assertEquals(202, vote.status(), vote::toString);
            assertTrue(vote.json().path("seq").asLong() >= started, "the session's last event when the vote was counted: " + vote);
            JsonNode counted = activityView(fiona, view -> view.path("voters").asInt() == 1);
            assertEquals(1, counted.path("answers").get(2).path("votes").asInt(), "the facilitator sees the vote counted: " + counted);
            assertEquals(List.of(2), ints(activityView(nadia, view -> view.path("voters").asInt() == 1).path("myChoices")),
                    "Nadia's own screen shows her choice");
        }
    }

    @Test
    void restMessagesMeetTheSameChecksAndGetTheSameErrorsAsWebSocketOnes() {
        assertRefused(404, "session_not_live", message(nadiaToken, "poll.vote", Map.of("choices", List.of(1))));
        try (LiveClient fiona = LiveClient.join(server, sessionId, facilitatorToken, "fiona-laptop", null);
                LiveClient nadia = LiveClient.join(server, sessionId, nadiaToken, "nadia-phone", null)) {
            fiona.request("session.start", bodyOf());
            assertSameAsWebSocket(409, nadia, "poll.vote", Map.of("choices", List.of(1)));

            fiona.request("agenda.goto", bodyOf("index", 1));
            activityView(nadia, view -> view.has("question"));
            assertSameAsWebSocket(400, nadia, "poll.vote", Map.of("choices", List.of(7)));
            assertSameAsWebSocket(403, nadia, "poll.close", Map.of());
            assertSameAsWebSocket(400, nadia, "poll.shout", Map.of());
            assertRefused(400, "unknown_type", message(nadiaToken, "nosuch.vote", Map.of()));

            Api.Reply notAnActivityMessage = api.as(nadiaToken).post(path(sessionId), Map.of("type", "chat", "body", Map.of()));
            assertEquals(422, notAnActivityMessage.status(), notAnActivityMessage::toString);
            assertEquals("validation_failed", notAnActivityMessage.code());

            // Someone of another collaborative gets exactly the answer for a session that does not exist, so that
            // nobody can probe which session ids are real.
            String strangerToken = People.signUp(api, "Sam Stranger");
            People.collaborative(api.as(strangerToken), "Sam's own collaborative");
            Api.Reply notTheirs = message(strangerToken, "poll.vote", Map.of("choices", List.of(1)));
            Api.Reply unknown = api.as(strangerToken).post(path(UUID.randomUUID().toString()), Map.of("type", "poll.vote", "body", Map.of()));
            assertRefused(404, "session_not_found", notTheirs);
            assertRefused(404, "session_not_found", unknown);
            assertEquals(unknown.text(), notTheirs.text(), "the two refusals cannot be told apart");
            assertEquals(401, api.post(path(sessionId), Map.of("type", "poll.vote", "body", Map.of())).status(), "a token is needed");

            assertEquals(202, message(nadiaToken, "poll.vote", Map.of("choices", List.of(0))).status(), "the poll is still open to a good vote");
            JsonNode counted = activityView(fiona, view -> view.path("voters").asInt() == 1);
            assertEquals(1, counted.path("answers").get(0).path("votes").asInt(), "only the good vote counted: " + counted);

            assertTrue(fiona.request("session.end", bodyOf()).path("ok").asBoolean());
            assertRefused(404, "session_not_live", message(nadiaToken, "poll.vote", Map.of("choices", List.of(1))));
            assertEquals("ended", api.as(nadiaToken).get("sessions/" + sessionId).json().path("status").asText());
        }
    }

    /** The REST answer has the status given and the very code and message the WebSocket reply has. */
    private void assertSameAsWebSocket(int status, LiveClient client, String type, Map<String, Object> body) {
        JsonNode overWebSocket = client.request(type, Json.MAPPER.valueToTree(body)).path("error");
        assertTrue(overWebSocket.has("code"), "refused over the WebSocket: " + overWebSocket);
        Api.Reply overRest = message(nadiaToken, type, body);
        assertRefused(status, overWebSocket.path("code").asText(), overRest);
        assertEquals(overWebSocket.path("message").asText(), overRest.json().path("error").path("message").asText(), overRest::toString);
    }

    private static void assertRefused(int status, String code, Api.Reply reply) {
        assertEquals(status, reply.status(), reply::toString);
        assertEquals(code, reply.json().path("error").path("code").asText(), reply::toString);
        assertEquals(code, reply.code(), "the problem's own code: " + reply);
        if (status == 503) {
            assertTrue(reply.header("Retry-After") != null, reply::toString);
        }
    }

    private Api.Reply message(String token, String type, Map<String, Object> body) {
        return api.as(token).post(path(sessionId), Map.of("type", type, "body", body));
    }

    private static String path(String sessionId) {
        return "sessions/" + sessionId + "/live/messages";
    }

    private static JsonNode activityView(LiveClient client, Predicate<JsonNode> matches) {
        return client.await(frame -> "activity.view".equals(frame.path("type").asText()) && matches.test(frame.path("body").path("view")),
                "an activity view").path("body").path("view");
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new java.util.ArrayList<>();
        array.forEach(value -> values.add(value.asInt()));
        return values;
    }
}
