package org.colearn.server.live;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.PluginJars;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An activity's long work (seating a large café) runs off the session's thread within a budget everyone sees: chat,
 * presence and commands keep flowing meanwhile, and a round timed when the work is done runs its full length from then.
 */
@Timeout(90)
class ActivityWorkIT {

    /**
     * Seats people with planning that lasts until the test opens its gate (a system property), as long planning would,
     * then times a one-minute round from when the seats are given.
     */
    static final String SEATER = """
            package example.seater;

            import java.time.Duration;
            import java.time.Instant;
            import java.util.Map;
            import java.util.concurrent.locks.LockSupport;
            import org.colearn.plugin.api.*;

            public final class Seater implements ActivityType<Seater.Config, Seater.State> {
                public record Config() {}
                public record State(String seatedAt, String roundEndsAt, String failure) {}
                public record Seat(String gate, long budgetMillis) {}

                public String id() { return "seater"; }
                public String displayName() { return "Seater"; }
                public Class<Config> configType() { return Config.class; }
                public Config defaultConfig() { return new Config(); }
                public Class<State> stateType() { return State.class; }
                public Map<String, Class<? extends Record>> messages() { return Map.of("seat", Seat.class); }
                public String browserModule() { return "colearn-activity-seater.js"; }
                public Activity<State> start(ActivityContext context, Config config) { return new Run(context, new State(null, null, null)); }
                public Activity<State> resume(ActivityContext context, Config config, State state) { return new Run(context, state); }

                static final class Run implements Activity<State> {
                    private final ActivityContext context;
                    private State state;
                    Run(ActivityContext context, State state) { this.context = context; this.state = state; }
                    public State state() { return state; }
                    public void receive(Participant from, Record message) throws ActivityException {
                        Seat seat = (Seat) message;
                        context.compute("Seating 2 people…", Duration.ofMillis(seat.budgetMillis()), () -> {
                            while (System.getProperty(seat.gate()) == null) {
                                if (Thread.interrupted()) {
                                    throw new InterruptedException();
                                }
                                LockSupport.parkNanos(1_000_000L);
                            }
                            return "Table 1";
                        }, new Computed<String>() {
                            public void done(String table) {
                                Instant seatedAt = context.now();
                                Instant endsAt = seatedAt.plusSeconds(60);
                                context.timers().at("round", endsAt);
                                state = new State(seatedAt.toString(), endsAt.toString(), null);
                            }
                            public void failed(String reason) { state = new State(null, null, reason); }
                        });
                    }
                    public Record view(Participant viewer) { return state; }
                }
            }
            """;

    TestServer server;
    People.FacilitatorAndNurse people;
    String sessionId;
    String gate;

    @BeforeEach
    void setUp() {
        server = TestServer.startWithPlugins(folder -> PluginJars.build(folder.resolve("seater.jar"),
                Map.of("example/seater/Seater.java", SEATER),
                Map.of("META-INF/services/org.colearn.plugin.api.ActivityType", "example.seater.Seater\n"), "1"));
        people = People.facilitatorAndNurse(server.api());
        Api fiona = server.api().as(people.facilitatorToken());
        sessionId = People.session(fiona, people.collaborativeId(), "Learning session 6", 60,
                List.of(LiveClient.agendaItem("Seat the tables", "seater", 20)));
        assertEquals(200, fiona.put("sessions/" + sessionId + "/guests", Map.of("allowed", true)).status());
        gate = "colearn.test.gate." + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        System.clearProperty(gate);
        server.close();
    }

    @Test
    void chatAndPresenceKeepFlowingWhileSeatsArePlannedAndTheRoundStartsWhenTheSeatsAreGiven() {
        try (LiveClient fiona = LiveClient.join(server, sessionId, people.facilitatorToken(), "fiona-laptop", null);
                LiveClient nadia = LiveClient.join(server, sessionId, people.nurseToken(), "nadia-phone", null)) {
            fiona.request("session.start", bodyOf());
            fiona.request("agenda.goto", bodyOf("index", 0));
            JsonNode asked = fiona.request("seater.seat", bodyOf("gate", gate, "budgetMillis", 60_000));
            assertTrue(asked.path("ok").asBoolean(), "the facilitator's command is answered at once: " + asked);

            JsonNode working = nadia.await(frame -> isWork(frame, "running"), "the status of the seating");
            assertEquals("Seating 2 people…", working.path("body").path("label").asText());
            JsonNode view = nadia.await(frame -> "activity.view".equals(frame.path("type").asText())
                    && frame.path("body").path("work").path("label").asText().equals("Seating 2 people…"), "the seating in the view");
            assertEquals("running", view.path("body").path("work").path("status").asText());
            JsonNode again = fiona.request("seater.seat", bodyOf("gate", gate, "budgetMillis", 60_000));
            assertEquals("busy", again.path("error").path("code").asText(), again::toString);

            JsonNode said = nadia.request("chat.send", bodyOf("text", "Still here while the tables are planned"));
            assertTrue(said.path("ok").asBoolean(), said::toString);
            fiona.await(frame -> "chat.message".equals(frame.path("type").asText())
                    && frame.path("body").path("text").asText().equals("Still here while the tables are planned"), "Nadia's chat");
            String guestToken = LiveCafeAtSizeIT.guestTokens(server, server.api().as(people.facilitatorToken()), sessionId, 1, 1).get(0);
            try (LiveClient guest = LiveClient.join(server, sessionId, guestToken, "guest-phone", null)) {
                fiona.await(frame -> "presence.diff".equals(frame.path("type").asText())
                        && frame.path("body").path("joins").toString().contains("Guest 1"), "the guest's arrival");
                assertEquals(0, fiona.count(frame -> isWork(frame, "done")), "everything above happened while the seating ran");

                Instant seatsGiven = server.clock().instant().plus(Duration.ofMinutes(10));
                server.clock().advance(Duration.ofMinutes(10));
                System.setProperty(gate, "open");

                JsonNode seated = guest.awaitActivityView(seat -> seat.path("roundEndsAt").isTextual(), "the seated round");
                assertEquals(seatsGiven.plusSeconds(60), Instant.parse(seated.path("roundEndsAt").asText()),
                        "ten minutes of planning, then the round's whole minute from when the seats were given");
                nadia.await(frame -> isWork(frame, "done"), "the end of the seating");
                assertTrue(nadia.awaitActivityView(seat -> seat.path("roundEndsAt").isTextual(), "the seated round")
                        .path("failure").isNull());
            }
        }
    }

    @Test
    void workPastItsBudgetChangesNothingAndEveryoneIsToldWhy() {
        try (LiveClient fiona = LiveClient.join(server, sessionId, people.facilitatorToken(), "fiona-laptop", null);
                LiveClient nadia = LiveClient.join(server, sessionId, people.nurseToken(), "nadia-phone", null)) {
            fiona.request("session.start", bodyOf());
            fiona.request("agenda.goto", bodyOf("index", 0));
            fiona.request("seater.seat", bodyOf("gate", gate, "budgetMillis", 300));

            JsonNode failed = nadia.await(frame -> isWork(frame, "failed"), "the seating given up");
            assertEquals("Seating 2 people… took longer than its 0.3 s; nothing was changed.",
                    failed.path("body").path("message").asText());
            JsonNode view = nadia.awaitActivityView(seat -> seat.path("failure").isTextual(), "the failure in the view");
            assertNull(view.path("roundEndsAt").textValue(), "no round started");

            System.setProperty(gate, "open");
            JsonNode again = fiona.request("seater.seat", bodyOf("gate", gate, "budgetMillis", 60_000));
            assertTrue(again.path("ok").asBoolean(), "seating can be asked for again: " + again);
            nadia.awaitActivityView(seat -> seat.path("roundEndsAt").isTextual(), "the seated round");
        }
    }

    private static boolean isWork(JsonNode frame, String status) {
        return "activity.work".equals(frame.path("type").asText()) && status.equals(frame.path("body").path("status").asText());
    }
}
