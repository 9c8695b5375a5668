package org.colearn.server.session;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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

/** An agenda item's activity configuration as a facilitator writes it: only what differs from the defaults. */
@Timeout(60)
class ActivityConfigIT {

    TestServer server;
    Api facilitator;
    String facilitatorToken;
    String collaborative;
    String site;

    @BeforeEach
    void setUp() {
        server = TestServer.start();
        facilitatorToken = People.signUp(server.api(), "Fiona Facilitator");
        facilitator = server.api().as(facilitatorToken);
        collaborative = People.collaborative(facilitator, "Sepsis");
        site = People.site(facilitator, collaborative, "Ashford", "trust");
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void aCafeConfigurationThatLeavesOutFieldsRunsWithTheDefaultsForThem() {
        String code = People.invitation(facilitator, collaborative, "participant");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String token = People.signUp(server.api(), "Person " + (i + 1));
            People.join(server.api().as(token), code, site, i % 2 == 0 ? "nurse" : "doctor");
            tokens.add(token);
        }
        String session = People.session(facilitator, collaborative, "Learning session 1", 60, List.of(Map.of(
                "title", "World café", "activityType", "world-cafe", "plannedMinutes", 30,
                "config", Map.of("tables", 2, "rounds", 2))));
        List<LiveClient> people = new ArrayList<>();
        try (LiveClient fiona = LiveClient.join(server, session, facilitatorToken, "fiona-laptop", null)) {
            for (int i = 0; i < tokens.size(); i++) {
                people.add(LiveClient.join(server, session, tokens.get(i), "person-" + i, null));
            }
            fiona.request("session.start", bodyOf());
            fiona.request("agenda.goto", bodyOf("index", 0));
            JsonNode began = fiona.request("world-cafe.begin", bodyOf());
            assertTrue(began.path("ok").asBoolean(), began::toString);
            Set<String> rooms = new HashSet<>();
            for (LiveClient person : people) {
                rooms.add(person.awaitEvent("room.assigned").path("body").path("room").path("name").asText());
            }
            assertEquals(Set.of("Table 1", "Table 2"), rooms, "the two tables asked for, though the default table size is 4");
            JsonNode view = people.get(0).await(frame -> "activity.view".equals(frame.path("type").asText())
                    && frame.path("body").path("view").path("round").asInt() == 1, "round 1").path("body").path("view");
            assertEquals(2, view.path("rounds").asInt(), view::toString);
            assertEquals("What has helped your team notice deterioration early, and what got in the way?",
                    view.path("question").asText(), "the default question");
        } finally {
            people.forEach(LiveClient::close);
        }
    }

    @Test
    void aFieldTheActivityDoesNotHaveIsNamedWithTheSettingsItHas() {
        Api.Reply bad = facilitator.post("collaboratives/" + collaborative + "/sessions", Map.of(
                "title", "Session", "startsAt", "2026-12-01T09:30:00Z", "durationMinutes", 60,
                "agenda", List.of(Map.of("title", "World café", "activityType", "world-cafe", "plannedMinutes", 30,
                        "config", Map.of("tables", 5, "roundMinute", 10)))));
        assertEquals(422, bad.status(), bad::toString);
        JsonNode error = bad.json().path("errors").get(0);
        assertEquals("agenda[0].config.roundMinute", error.path("field").asText(), bad::toString);
        assertTrue(error.path("message").asText().contains("roundMinutes"), "the settings it has, to spot the typo: " + error);
    }
}
