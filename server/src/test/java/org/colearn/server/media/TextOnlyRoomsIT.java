package org.colearn.server.media;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.colearn.server.system.MediaSettings;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.JanusServer;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.PluginJars;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An activity can open a room as text only: its people get no media room, through Janus or peer to peer, and may not
 * signal each other, while a room the same activity plans the way plugins always have keeps its voice and video.
 */
@Timeout(300) // each test compiles a plugin and starts a server, and a Janus in one: minutes on a loaded machine
class TextOnlyRoomsIT {

    /** Seats the first two participants by name in a text-only corner, the others at a table planned as in API 1. */
    static final String CORNER = """
            package example.corner;

            import java.util.Comparator;
            import java.util.List;
            import java.util.Map;
            import org.colearn.plugin.api.*;

            public final class Corner implements ActivityType<Corner.Config, Corner.State> {
                public record Config() {}
                public record State(boolean seated) {}
                public record Seat() {}

                public String id() { return "corner"; }
                public String displayName() { return "Writing corner"; }
                public Class<Config> configType() { return Config.class; }
                public Config defaultConfig() { return new Config(); }
                public Class<State> stateType() { return State.class; }
                public Map<String, Class<? extends Record>> messages() { return Map.of("seat", Seat.class); }
                public String browserModule() { return "colearn-activity-corner.js"; }
                public Activity<State> start(ActivityContext context, Config config) { return new Run(context, new State(false)); }
                public Activity<State> resume(ActivityContext context, Config config, State state) { return new Run(context, state); }

                static final class Run implements Activity<State> {
                    private final ActivityContext context;
                    private State state;
                    Run(ActivityContext context, State state) { this.context = context; this.state = state; }
                    public State state() { return state; }
                    public void receive(Participant from, Record message) throws ActivityException {
                        List<String> ids = context.present().stream().filter(p -> !p.facilitator())
                                .sorted(Comparator.comparing(Participant::name)).map(Participant::personId).toList();
                        context.rooms().open(List.of(
                                Rooms.Plan.textOnly("Writing corner", ids.subList(0, 2)),
                                new Rooms.Plan("Table 1", ids.subList(2, ids.size()))));
                        state = new State(true);
                    }
                    public Record view(Participant viewer) { return state; }
                }
            }
            """;

    static final List<String> NAMES = List.of("Amira Ashford", "Ben Ashford", "Cara Bromley", "Dev Bromley");

    JanusServer janus;
    TestServer server;
    LiveClient fiona;
    final Map<String, LiveClient> people = new LinkedHashMap<>();

    @AfterEach
    void tearDown() throws Exception {
        people.values().forEach(LiveClient::close);
        if (fiona != null) {
            fiona.close();
        }
        if (server != null) {
            server.close();
        }
        if (janus != null) {
            janus.close();
        }
    }

    @Test
    void throughJanusATextOnlyRoomGetsNoMediaRoomWhileTheOtherTableGetsOne() throws Exception {
        janus = JanusServer.start();
        start(new MediaSettings(List.of(janus.url()), JanusServer.ADMIN_KEY, List.of(), "", Duration.ofHours(1)));

        JsonNode amira = JanusRoomsIT.mediaRoom(people.get("Amira Ashford"), "r1");
        JsonNode ben = JanusRoomsIT.mediaRoom(people.get("Ben Ashford"), "r1");
        for (JsonNode corner : List.of(amira, ben)) {
            assertEquals("text_only", corner.path("mode").asText(), corner::toString);
            assertEquals("Writing corner", corner.path("placeName").asText());
            assertFalse(corner.has("room") || corner.has("token") || corner.has("server"), "no media room, no token: " + corner);
        }
        JsonNode cara = JanusRoomsIT.mediaRoom(people.get("Cara Bromley"), "r2");
        JsonNode dev = JanusRoomsIT.mediaRoom(people.get("Dev Bromley"), "r2");
        assertEquals("janus", cara.path("mode").asText(), cara::toString);
        assertEquals(cara.path("room").asLong(), dev.path("room").asLong());
        assertTrue(new org.colearn.server.testing.JanusGuest(JanusRoomsIT.URIs.of(cara)).exists(cara.path("room").asLong()),
                "the table planned as in API 1 has its Janus room");
    }

    @Test
    void withoutAMediaServerPeopleOfATextOnlyRoomAreToldSoAndMayNotCallEachOther() {
        start(MediaSettings.NONE);

        JsonNode amira = JanusRoomsIT.mediaRoom(people.get("Amira Ashford"), "r1");
        assertEquals("text_only", amira.path("mode").asText(), amira::toString);
        assertFalse(amira.has("peers"), amira::toString);
        JsonNode refused = people.get("Amira Ashford").request("media.signal",
                bodyOf("to", JanusRoomsIT.personId(people.get("Ben Ashford")), "signal", Map.of("description", Map.of("type", "offer", "sdp", "v=0"))));
        assertEquals("not_together", refused.path("error").path("code").asText(), refused::toString);

        JsonNode cara = JanusRoomsIT.mediaRoom(people.get("Cara Bromley"), "r2");
        assertEquals("peer", cara.path("mode").asText(), cara::toString);
        assertEquals("Dev Bromley", cara.path("peers").get(0).path("name").asText());
        JsonNode passed = people.get("Cara Bromley").request("media.signal",
                bodyOf("to", JanusRoomsIT.personId(people.get("Dev Bromley")), "signal", Map.of("description", Map.of("type", "offer", "sdp", "v=0"))));
        assertTrue(passed.path("ok").asBoolean(), passed::toString);
    }

    /** A live session whose first item is the corner activity, four participants present, and the corner seated. */
    private void start(MediaSettings media) {
        server = TestServer.startWithPluginsAndMedia(folder -> PluginJars.build(folder.resolve("corner.jar"),
                Map.of("example/corner/Corner.java", CORNER),
                Map.of("META-INF/services/org.colearn.plugin.api.ActivityType", "example.corner.Corner\n"), "1"), media);
        Api api = server.api();
        String facilitatorToken = People.signUp(api, "Fiona Facilitator");
        Api facilitator = api.as(facilitatorToken);
        String collaborative = People.collaborative(facilitator, "AKI");
        String site = People.site(facilitator, collaborative, "Ashford", "trust");
        String code = People.invitation(facilitator, collaborative, "participant");
        String sessionId = People.session(facilitator, collaborative, "Session", 120, List.of(LiveClient.agendaItem("Write", "corner", 30)));
        fiona = LiveClient.join(server, sessionId, facilitatorToken, "fiona-laptop", null);
        fiona.request("session.start", bodyOf());
        for (String name : NAMES) {
            String token = People.signUp(api, name);
            People.join(api.as(token), code, site, "nurse");
            people.put(name, LiveClient.join(server, sessionId, token, "client-" + name.replace(' ', '-'), null));
        }
        fiona.request("agenda.goto", bodyOf("index", 0));
        JsonNode seated = fiona.request("corner.seat", bodyOf());
        assertTrue(seated.path("ok").asBoolean(), seated::toString);
    }
}
