package org.colearn.server.plugin;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.PluginJars;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a facilitator gives an activity, its settings when planned and its messages when it runs, is read by the rules
 * of every request: dates from 2000 to 2199, whole numbers that are whole and fit their field.
 */
@Timeout(90)
class PluginInputIT {

    /** A third-party activity whose settings and message carry a date and a number. */
    static final String REVIEW_DAY = """
            package example.review;

            import java.time.LocalDate;
            import java.util.Map;
            import org.colearn.plugin.api.*;

            public final class ReviewDay implements ActivityType<ReviewDay.Config, ReviewDay.State> {
                public record Config(LocalDate reviewOn, int minutes) {}
                public record State(String next) {}
                public record Move(LocalDate to, int minutes) {}
                public record View(String next) {}

                public String id() { return "review-day"; }
                public String displayName() { return "Review day"; }
                public Class<Config> configType() { return Config.class; }
                public Config defaultConfig() { return new Config(LocalDate.of(2026, 3, 1), 20); }
                public Class<State> stateType() { return State.class; }
                public Map<String, Class<? extends Record>> messages() { return Map.of("move", Move.class); }
                public String browserModule() { return "colearn-activity-review-day.js"; }

                public Activity<State> start(ActivityContext context, Config config) {
                    return new Day(new State(config.reviewOn().toString()));
                }

                public Activity<State> resume(ActivityContext context, Config config, State state) {
                    return new Day(state);
                }

                static final class Day implements Activity<State> {
                    private State state;
                    Day(State state) { this.state = state; }
                    public State state() { return state; }
                    public void receive(Participant from, Record message) {
                        state = new State(((Move) message).to().toString());
                    }
                    public Record view(Participant viewer) { return new View(state.next()); }
                }
            }
            """;

    static TestServer server;
    static Api fiona;
    static String collaborative;

    @BeforeAll
    static void setUp() {
        server = TestServer.startWithPlugins(folder -> PluginJars.build(folder.resolve("review-day.jar"),
                Map.of("example/review/ReviewDay.java", REVIEW_DAY),
                Map.of("META-INF/services/org.colearn.plugin.api.ActivityType", "example.review.ReviewDay\n"), "1"));
        fiona = server.api().as(People.signUp(server.api(), "Fiona Facilitator"));
        collaborative = People.collaborative(fiona, "Sepsis");
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    @Test
    void anActivitysSettingsOutsideTheDateWindowOrNotAWholeNumberAreRefusedAsAnyRequestsAre() {
        assertRefused(plan(Map.of("reviewOn", "2200-01-01")), "agenda[0].config.reviewOn");
        assertRefused(plan(Map.of("reviewOn", "+999999999-12-31")), "agenda[0].config.reviewOn");
        assertRefused(plan(Map.of("reviewOn", "1999-12-31")), "agenda[0].config.reviewOn");
        assertRefused(plan(Map.of("minutes", 30.7)), "agenda[0].config.minutes");
        assertRefused(plan(Map.of("minutes", 99_999_999_999L)), "agenda[0].config.minutes");
        assertEquals(201, plan(Map.of("reviewOn", "2199-12-31", "minutes", 45)).status());
    }

    @Test
    void anActivitysMessageWithADateOutsideTheWindowIsRefusedAndChangesNothing() {
        Api.Reply planned = plan(Map.of("reviewOn", "2026-03-01"));
        assertEquals(201, planned.status(), planned::toString);
        try (LiveClient live = LiveClient.join(server, planned.json().path("id").asText(), fiona.bearerToken(), "fiona-laptop", null)) {
            live.request("session.start", bodyOf());
            live.request("agenda.goto", bodyOf("index", 0));
            JsonNode refused = live.request("review-day.move", bodyOf("to", "2200-01-01", "minutes", 10));
            assertEquals("invalid_body", refused.path("error").path("code").asText(), refused::toString);
            JsonNode moved = live.request("review-day.move", bodyOf("to", "2026-04-01", "minutes", 10));
            assertEquals(true, moved.path("ok").asBoolean(), moved::toString);
            assertEquals("2026-04-01", live.awaitActivityView(view -> view.path("next").asText().equals("2026-04-01"),
                    "the review moved").path("next").asText());
        }
    }

    private static Api.Reply plan(Map<String, Object> config) {
        return fiona.post("collaboratives/" + collaborative + "/sessions", Map.of("title", "Learning session",
                "startsAt", "2026-12-01T09:30:00Z", "durationMinutes", 60, "agenda", List.of(Map.of(
                        "title", "Review day", "activityType", "review-day", "plannedMinutes", 20, "config", config))));
    }

    private static void assertRefused(Api.Reply reply, String field) {
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("invalid_value", reply.code(), reply::toString);
        assertEquals(field, reply.json().path("errors").get(0).path("field").asText(), reply::toString);
    }
}
