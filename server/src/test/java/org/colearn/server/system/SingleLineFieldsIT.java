package org.colearn.server.system;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Names, titles and other one-line text refuse a line break with a 400 naming the field, and nothing is saved; a
 * story's parts and a chat message keep their lines.
 */
@Timeout(60)
class SingleLineFieldsIT {

    static TestServer server;
    static Api fiona;
    static String collaborative;

    @BeforeAll
    static void setUp() {
        server = TestServer.start();
        fiona = server.api().as(People.signUp(server.api(), "Fiona Facilitator"));
        collaborative = People.collaborative(fiona, "Sepsis");
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    @Test
    void aLineBreakInANameOrTitleIsA400NamingTheFieldAndNothingIsSaved() {
        int sessions = fiona.get("collaboratives/" + collaborative + "/sessions").json().size();
        assertRefused(server.api().post("auth/signup", Map.of("email", "new.person@example.nhs.uk",
                "password", People.PASSWORD, "displayName", "New\nPerson")), "displayName");
        assertRefused(fiona.post("collaboratives", Map.of("name", "Sepsis\nAKI", "topic", "Sepsis", "aim", "Fewer deaths",
                "startsOn", "2026-01-01", "endsOn", "2026-12-31")), "name");
        assertRefused(fiona.post("collaboratives/" + collaborative + "/sites", Map.of("name", "Kent\r\nCommunity",
                "kind", "trust", "region", "South East")), "name");
        assertEquals(0, fiona.get("collaboratives/" + collaborative + "/sites").json().size(), "no site was added");
        assertRefused(fiona.post("collaboratives/" + collaborative + "/sessions", Map.of("title", "Learning\u2028session",
                "startsAt", "2026-12-01T09:30:00Z", "durationMinutes", 60, "agenda", List.of())), "title");
        assertRefused(fiona.post("collaboratives/" + collaborative + "/sessions", Map.of("title", "Learning session",
                "startsAt", "2026-12-01T09:30:00Z", "durationMinutes", 60, "agenda", List.of(Map.of("title", "Welcome\nand intro",
                        "activityType", "plenary", "plannedMinutes", 10)))), "agenda[0].title");
        assertEquals(sessions, fiona.get("collaboratives/" + collaborative + "/sessions").json().size(), "no session was planned");
        assertRefused(fiona.post("collaboratives/" + collaborative + "/stories", story("title", "Screening\nlost")), "title");
        assertRefused(fiona.post("collaboratives/" + collaborative + "/stories", story("topic", "Sepsis\n")), "topic");
    }

    @Test
    void aStorysPartsAndAChatMessageKeepTheirLines() {
        Api.Reply posted = fiona.post("collaboratives/" + collaborative + "/stories",
                story("whatHappened", "Night shifts skipped it.\nDay shifts did not."));
        assertEquals(201, posted.status(), posted::toString);
        assertEquals("Night shifts skipped it.\nDay shifts did not.", posted.json().path("item").path("whatHappened").asText());

        String sessionId = People.session(fiona, collaborative, "Learning session", 60, List.of());
        try (LiveClient live = LiveClient.join(server, sessionId, fiona.bearerToken(), "fiona-laptop", null)) {
            live.request("session.start", bodyOf());
            JsonNode sent = live.request("chat.send", bodyOf("text", "Morning!\nCoffee is in room 2."));
            assertEquals(true, sent.path("ok").asBoolean(), sent::toString);
            JsonNode message = live.awaitEvent("chat.message");
            assertEquals("Morning!\nCoffee is in room 2.", message.path("body").path("text").asText());
        }
    }

    private static Map<String, Object> story(String field, String value) {
        Map<String, Object> story = new HashMap<>(Map.of("title", "Sepsis screening tool ignored at night", "topic", "Sepsis",
                "changeIdea", "Screening at triage", "whatWeTried", "A paper screening tool.",
                "whatHappened", "Night shifts skipped it.", "whatWeLearned", "Huddles helped.", "whatWeWouldDoDifferently", "",
                "tags", List.of("triage"), "credit", "person", "visibility", "collaborative"));
        story.put(field, value);
        return story;
    }

    private static void assertRefused(Api.Reply reply, String field) {
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("invalid_value", reply.code(), reply::toString);
        JsonNode error = reply.json().path("errors").get(0);
        assertEquals(field, error.path("field").asText(), reply::toString);
        assertEquals("must be on one line, without line breaks", error.path("message").asText(), reply::toString);
    }
}
