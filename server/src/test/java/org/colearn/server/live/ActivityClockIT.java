package org.colearn.server.live;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.PluginJars;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An activity's clock is the session's clock as it reads when the activity asks: work that takes long (seating a
 * large café) does not eat the round it then starts.
 */
@Timeout(60)
class ActivityClockIT {

    /** Half a minute of planning on the session's clock, then a one-minute round timed from then. */
    static final String PLANNER = """
            package example.planner;

            import java.time.Duration;
            import java.time.Instant;
            import java.util.Map;
            import org.colearn.plugin.api.*;

            public final class Planner implements ActivityType<Planner.Config, Planner.State> {
                public record Config() {}
                public record State(String began, String roundEndsAt) {}
                public record Plan() {}

                public String id() { return "planner"; }
                public String displayName() { return "Planner"; }
                public Class<Config> configType() { return Config.class; }
                public Config defaultConfig() { return new Config(); }
                public Class<State> stateType() { return State.class; }
                public Map<String, Class<? extends Record>> messages() { return Map.of("plan", Plan.class); }
                public String browserModule() { return "colearn-activity-planner.js"; }
                public Activity<State> start(ActivityContext context, Config config) { return new Run(context, new State(null, null)); }
                public Activity<State> resume(ActivityContext context, Config config, State state) { return new Run(context, state); }

                static final class Run implements Activity<State> {
                    private final ActivityContext context;
                    private State state;
                    Run(ActivityContext context, State state) { this.context = context; this.state = state; }
                    public State state() { return state; }
                    public void receive(Participant from, Record message) {
                        Instant began = context.now();
                        long giveUp = System.nanoTime() + 10_000_000_000L;
                        while (Duration.between(began, context.now()).getSeconds() < 30 && System.nanoTime() < giveUp) {
                            Thread.onSpinWait();
                        }
                        Instant endsAt = context.now().plusSeconds(60);
                        context.timers().at("round", endsAt);
                        state = new State(began.toString(), endsAt.toString());
                    }
                    public Record view(Participant viewer) { return state; }
                }
            }
            """;

    @Test
    void aRoundTimedAfterLongWorkRunsItsFullLengthFromWhenTheWorkIsDone() {
        try (TestServer server = TestServer.startWithPlugins(folder -> PluginJars.build(folder.resolve("planner.jar"),
                Map.of("example/planner/Planner.java", PLANNER),
                Map.of("META-INF/services/org.colearn.plugin.api.ActivityType", "example.planner.Planner\n"), "1"))) {
            String token = People.signUp(server.api(), "Fiona Facilitator");
            String collaborative = People.collaborative(server.api().as(token), "Sepsis");
            String sessionId = People.session(server.api().as(token), collaborative, "Learning session 6", 60,
                    List.of(LiveClient.agendaItem("Plan the tables", "planner", 20)));
            try (LiveClient fiona = LiveClient.join(server, sessionId, token, "fiona-laptop", null)) {
                fiona.request("session.start", bodyOf());
                fiona.request("agenda.goto", bodyOf("index", 0));
                fiona.sendWithRef("planner.plan", "p1", bodyOf());
                // The session's clock moves on while the activity works, as a wall clock would.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (fiona.frames().stream().noneMatch(frame -> "p1".equals(frame.path("re").asText())) && System.nanoTime() < deadline) {
                    server.clock().advance(Duration.ofSeconds(5));
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
                }
                JsonNode reply = fiona.reply("p1");
                assertTrue(reply.path("ok").asBoolean(), reply::toString);
                JsonNode view = fiona.awaitActivityView(v -> !v.path("roundEndsAt").isNull(), "the planned round");
                Instant began = Instant.parse(view.path("began").asText());
                Instant endsAt = Instant.parse(view.path("roundEndsAt").asText());
                assertTrue(Duration.between(began, endsAt).getSeconds() >= 90,
                        "30 s of planning, then the whole minute: began " + began + ", ends " + endsAt);
            }
        }
    }
}
