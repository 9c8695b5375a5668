package org.colearn.server.live;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Going back to an agenda item that has run runs it again, its activity from the start: the server refuses it unless
 * the facilitator confirms, so that a slip on "Previous" does not undo a room's work. Items not run yet, and the one
 * running, are gone to at once.
 */
@Timeout(60)
class AgendaGoBackIT {

    TestServer server;
    String token;
    String sessionId;

    @BeforeEach
    void setUp() {
        server = TestServer.start();
        Api api = server.api();
        token = People.signUp(api, "Fiona Facilitator");
        String collaborative = People.collaborative(api.as(token), "Sepsis");
        sessionId = People.session(api.as(token), collaborative, "Learning session 3", 120, List.of(
                LiveClient.agendaItem("Welcome", "plenary", 10),
                LiveClient.agendaItem("Questions", "plenary", 20),
                LiveClient.agendaItem("Close", "plenary", 5)));
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void goingBackToAnItemThatHasRunIsRefusedUntilTheFacilitatorConfirmsIt() {
        try (LiveClient fiona = LiveClient.join(server, sessionId, token, "fiona-laptop", null)) {
            fiona.request("session.start", bodyOf());
            assertTrue(fiona.request("agenda.goto", bodyOf("index", 2)).path("ok").asBoolean(), "an item not run yet, skipping one");
            assertTrue(fiona.request("agenda.goto", bodyOf("index", 0)).path("ok").asBoolean(), "and back to one not run yet either");
            assertTrue(fiona.request("agenda.goto", bodyOf("index", 0)).path("ok").asBoolean(), "the running item starts again at once");

            JsonNode refused = fiona.request("agenda.goto", bodyOf("index", 2));
            JsonNode error = refused.path("error");
            assertEquals("item_done", error.path("code").asText(), refused::toString);
            assertTrue(error.path("message").asText().startsWith("Close has run already."), refused::toString);

            try (LiveClient phone = LiveClient.join(server, sessionId, token, "fiona-phone", null)) {
                JsonNode view = phone.view().path("session");
                assertEquals(0, view.path("currentItem").asInt(), "nothing moved: " + view);
                assertEquals(List.of(false, false, true), done(view), "the view marks the item that has run, not the one running: " + view);
            }

            JsonNode again = fiona.request("agenda.goto", bodyOf("index", 2, "again", true));
            assertTrue(again.path("ok").asBoolean(), again::toString);
            assertTrue(fiona.awaitCount(frame -> frame.path("type").asText().equals("agenda.item.started")
                    && frame.path("body").path("index").asInt() == 2, 2), "Close runs a second time");
            assertEquals(2, runningItem(fiona));

            JsonNode notAFlag = fiona.request("agenda.goto", bodyOf("index", 0, "again", "yes"));
            assertEquals("invalid_body", notAFlag.path("error").path("code").asText(), notAFlag::toString);
        }
    }

    @Test
    void aRestartedServerStillKnowsWhichItemsHaveRun() {
        try (LiveClient fiona = LiveClient.join(server, sessionId, token, "fiona-laptop", null)) {
            fiona.request("session.start", bodyOf());
            fiona.request("agenda.goto", bodyOf("index", 0));
            fiona.request("agenda.goto", bodyOf("index", 1));
        }
        server.restart();
        // Another tab: the same one's refs would be recognised as the commands it sent before the restart.
        try (LiveClient fiona = LiveClient.join(server, sessionId, token, "fiona-tablet", null)) {
            assertEquals(List.of(true, false, false), done(fiona.view().path("session")));
            JsonNode refused = fiona.request("agenda.goto", bodyOf("index", 0));
            assertEquals("item_done", refused.path("error").path("code").asText(), refused::toString);
            assertFalse(fiona.request("agenda.goto", bodyOf("index", 2)).has("error"), "an item not run yet goes at once");
        }
    }

    private static int runningItem(LiveClient client) {
        List<JsonNode> started = client.events().stream().filter(e -> e.path("type").asText().equals("agenda.item.started")).toList();
        return started.get(started.size() - 1).path("body").path("index").asInt();
    }

    private static List<Boolean> done(JsonNode session) {
        List<Boolean> done = new ArrayList<>();
        session.path("agenda").forEach(item -> done.add(item.path("done").asBoolean()));
        return done;
    }
}
