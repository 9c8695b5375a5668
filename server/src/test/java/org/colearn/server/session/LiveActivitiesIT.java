package org.colearn.server.session;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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

/** Facilitators see which of their collaborative's sessions are live and which activity each runs; nobody else does. */
@Timeout(60)
class LiveActivitiesIT {

    TestServer server;
    Api api;
    People.FacilitatorAndNurse people;
    String sessionId;

    @BeforeEach
    void setUp() {
        server = TestServer.start();
        api = server.api();
        people = People.facilitatorAndNurse(api);
        sessionId = People.session(api.as(people.facilitatorToken()), people.collaborativeId(), "Learning session 3", 60, List.of(
                LiveClient.agendaItem("Welcome", "plenary", 5),
                Map.of("title", "Failure-story circle", "activityType", "failure-circle", "plannedMinutes", 30)));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void aFacilitatorSeesTheLiveSessionAndTheCircleItRunsUntilTheSessionEnds() {
        assertEquals(List.of(), running(), "nothing is live before the session starts");
        try (LiveClient fiona = LiveClient.join(server, sessionId, people.facilitatorToken(), "fiona-laptop", null)) {
            assertTrue(fiona.request("session.start", bodyOf()).path("ok").asBoolean());
            JsonNode welcome = only(running());
            assertEquals(sessionId, welcome.path("sessionId").asText());
            assertEquals("Learning session 3", welcome.path("title").asText());
            assertTrue(welcome.path("activityType").isNull(), "the welcome runs no activity: " + welcome);

            assertTrue(fiona.request("agenda.goto", bodyOf("index", 1)).path("ok").asBoolean());
            assertEquals("failure-circle", only(running()).path("activityType").asText());
            Api.Reply offered = api.as(people.facilitatorToken()).post("sessions/" + sessionId + "/live/messages",
                    Map.of("type", "failure-circle.offer", "body", Map.of("storyId", "no-such-story")));
            assertEquals("not_readable", offered.json().path("error").path("code").asText(),
                    "the circle it names answers the offer: " + offered);

            assertTrue(fiona.request("agenda.goto", bodyOf("index", 0)).path("ok").asBoolean());
            assertTrue(only(running()).path("activityType").isNull(), "the circle ended when the agenda moved on");
            assertTrue(fiona.request("session.end", bodyOf()).path("ok").asBoolean());
            assertEquals(List.of(), running(), "an ended session is not live");
        }
    }

    @Test
    void onlyTheCollaborativesFacilitatorsMayAsk() {
        String path = "collaboratives/" + people.collaborativeId() + "/live-activities";
        Api.Reply nurse = api.as(people.nurseToken()).get(path);
        assertEquals(403, nurse.status(), nurse::toString);
        assertEquals("facilitator_only", nurse.code());
        Api.Reply stranger = api.as(People.signUp(api, "Sam Stranger")).get(path);
        assertEquals(404, stranger.status(), stranger::toString);
        assertEquals("collaborative_not_found", stranger.code());
        String otherFacilitator = People.signUp(api, "Olu Other");
        People.collaborative(api.as(otherFacilitator), "Falls");
        assertEquals(404, api.as(otherFacilitator).get(path).status(), "a facilitator of another collaborative is a stranger here");
        assertEquals(401, api.get(path).status(), "a token is needed");
    }

    private List<JsonNode> running() {
        Api.Reply reply = api.as(people.facilitatorToken()).get("collaboratives/" + people.collaborativeId() + "/live-activities");
        assertEquals(200, reply.status(), reply::toString);
        List<JsonNode> sessions = new java.util.ArrayList<>();
        reply.json().forEach(sessions::add);
        return sessions;
    }

    private static JsonNode only(List<JsonNode> sessions) {
        assertEquals(1, sessions.size(), sessions::toString);
        return sessions.get(0);
    }
}
