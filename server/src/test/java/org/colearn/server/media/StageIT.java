package org.colearn.server.media;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The plenary as a stage, with no media server: hands in the order raised, people brought on stage and sent back, the
 * audience refused when they call each other and given only the stage to call, mute all, and a facilitator visiting a
 * room heard there with the room told.
 */
@Timeout(60)
class StageIT {

    static final List<String> NAMES = List.of("Amir Ashford", "Ben Ashford", "Cara Bromley");

    TestServer server;
    String sessionId;
    LiveClient fay;
    Map<String, LiveClient> people = new LinkedHashMap<>();
    Map<String, String> tokens = new LinkedHashMap<>();

    @BeforeEach
    void setUp() {
        server = TestServer.start();
        Api api = server.api();
        String facilitatorToken = People.signUp(api, "Fay Facilitator");
        Api facilitator = api.as(facilitatorToken);
        String collaborative = People.collaborative(facilitator, "AKI");
        String ashford = People.site(facilitator, collaborative, "Ashford", "trust");
        String bromley = People.site(facilitator, collaborative, "Bromley", "trust");
        String code = People.invitation(facilitator, collaborative, "participant");
        sessionId = People.session(facilitator, collaborative, "Session", 120, List.of(LiveClient.agendaItem("Plenary", "plenary", 30)));
        fay = LiveClient.join(server, sessionId, facilitatorToken, "fay-laptop", null);
        fay.request("session.start", bodyOf());
        for (String name : NAMES) {
            String token = People.signUp(api, name);
            People.join(api.as(token), code, name.endsWith("Ashford") ? ashford : bromley, "nurse");
            tokens.put(name, token);
            people.put(name, LiveClient.join(server, sessionId, token, "client-" + name.replace(' ', '-'), null));
        }
    }

    @AfterEach
    void tearDown() {
        people.values().forEach(LiveClient::close);
        if (fay != null) {
            fay.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void handsAreShownToEveryoneInTheOrderTheyWereRaisedAndLoweredHandsLeaveTheQueue() {
        ok(fay.request("stage.open", bodyOf()));
        ok(people.get("Cara Bromley").request("stage.hand.raise", bodyOf()));
        ok(people.get("Amir Ashford").request("stage.hand.raise", bodyOf()));
        JsonNode again = people.get("Amir Ashford").request("stage.hand.raise", bodyOf());
        assertEquals("hand_raised", again.path("error").path("code").asText(), again::toString);

        JsonNode raised = people.get("Ben Ashford").await(frame -> "stage.hand.raised".equals(frame.path("type").asText())
                && "Amir Ashford".equals(frame.path("body").path("person").path("name").asText()), "Amir's hand, seen by Ben");
        assertEquals("Ashford", raised.path("body").path("person").path("site").asText());
        assertEquals(List.of("Cara Bromley", "Amir Ashford"), hands("Ben Ashford"));

        ok(people.get("Cara Bromley").request("stage.hand.lower", bodyOf()));
        JsonNode othersHand = people.get("Ben Ashford").request("stage.hand.lower", bodyOf("personId", personId("Amir Ashford")));
        assertEquals("facilitator_only", othersHand.path("error").path("code").asText(), othersHand::toString);
        assertEquals(List.of("Amir Ashford"), hands("Ben Ashford"));
    }

    @Test
    void onAStageTheAudienceCallsOnlyWhoeverIsOnStageUntilBroughtOnStage() {
        mediaRoom(people.get("Amir Ashford"), room -> room.path("peers").size() == 3);
        ok(fay.request("stage.open", bodyOf()));

        JsonNode amir = mediaRoom(people.get("Amir Ashford"), room -> room.path("stage").asBoolean());
        assertFalse(amir.path("publish").asBoolean(), amir::toString);
        assertEquals(List.of("Fay Facilitator"), peerNames(amir));
        JsonNode fays = mediaRoom(fay, room -> room.path("stage").asBoolean());
        assertTrue(fays.path("publish").asBoolean(), fays::toString);
        assertEquals(3, fays.path("peers").size(), fays::toString);

        JsonNode refused = signal("Amir Ashford", personId("Ben Ashford"));
        assertEquals("not_together", refused.path("error").path("code").asText(), refused::toString);
        ok(signal("Amir Ashford", personId(fay)));

        ok(people.get("Amir Ashford").request("stage.hand.raise", bodyOf()));
        ok(fay.request("stage.invite", bodyOf("personId", personId("Amir Ashford"))));
        people.get("Ben Ashford").await(frame -> "stage.joined".equals(frame.path("type").asText())
                && "Amir Ashford".equals(frame.path("body").path("person").path("name").asText()), "Amir on stage, seen by Ben");
        JsonNode onStage = mediaRoom(people.get("Amir Ashford"), room -> room.path("publish").asBoolean());
        assertEquals(3, onStage.path("peers").size(), onStage::toString);
        JsonNode ben = mediaRoom(people.get("Ben Ashford"), room -> room.path("peers").size() == 2);
        assertEquals(List.of("Amir Ashford", "Fay Facilitator"), peerNames(ben));
        ok(signal("Ben Ashford", personId("Amir Ashford")));
        assertEquals(List.of(), hands("Ben Ashford"), "the hand is lowered once on stage");

        ok(fay.request("stage.dismiss", bodyOf("personId", personId("Amir Ashford"))));
        mediaRoom(people.get("Amir Ashford"), room -> !room.path("publish").asBoolean());
        JsonNode backInAudience = signal("Ben Ashford", personId("Amir Ashford"));
        assertEquals("not_together", backInAudience.path("error").path("code").asText(), backInAudience::toString);
    }

    @Test
    void onlyAFacilitatorBringsPeopleOnStageAndMutesEveryoneOnIt() {
        ok(fay.request("stage.open", bodyOf()));
        JsonNode invite = people.get("Ben Ashford").request("stage.invite", bodyOf("personId", personId("Ben Ashford")));
        assertEquals("facilitator_only", invite.path("error").path("code").asText(), invite::toString);
        JsonNode mute = people.get("Ben Ashford").request("stage.mute", bodyOf("audio", true));
        assertEquals("facilitator_only", mute.path("error").path("code").asText(), mute::toString);
        JsonNode nothing = fay.request("stage.mute", bodyOf());
        assertEquals("invalid_body", nothing.path("error").path("code").asText(), nothing::toString);

        ok(fay.request("stage.mute", bodyOf("audio", true, "video", true)));
        JsonNode muted = people.get("Cara Bromley").awaitEvent("stage.muted");
        assertTrue(muted.path("body").path("audio").asBoolean());
        assertTrue(muted.path("body").path("video").asBoolean());
        assertEquals("Fay Facilitator", muted.path("body").path("by").asText());

        ok(fay.request("stage.close", bodyOf()));
        JsonNode everyone = mediaRoom(people.get("Cara Bromley"), room -> !room.has("stage") && room.path("peers").size() == 3);
        assertTrue(everyone.path("publish").asBoolean(), everyone::toString);
        JsonNode noStage = people.get("Cara Bromley").request("stage.hand.raise", bodyOf());
        assertEquals("no_stage", noStage.path("error").path("code").asText(), noStage::toString);
    }

    @Test
    void aFacilitatorVisitingARoomIsInItsCallAndTheRoomIsTold() {
        fay.request("rooms.open", bodyOf("count", 1));
        LiveClient amir = people.get("Amir Ashford");
        String roomId = amir.awaitEvent("room.assigned").path("body").path("room").path("id").asText();
        mediaRoom(amir, room -> roomId.equals(room.path("place").asText()) && room.path("peers").size() == 2);

        ok(fay.request("room.visit", bodyOf("roomId", roomId)));
        JsonNode told = amir.awaitEvent("room.visited");
        assertEquals("Fay Facilitator", told.path("body").path("person").path("name").asText());
        assertEquals("facilitator", told.path("body").path("role").asText());
        JsonNode call = mediaRoom(amir, room -> roomId.equals(room.path("place").asText()) && room.path("peers").size() == 3);
        assertTrue(peerNames(call).contains("Fay Facilitator"), call::toString);
        mediaRoom(fay, room -> roomId.equals(room.path("place").asText()));
        ok(signal("Amir Ashford", personId(fay)));

        JsonNode byParticipant = amir.request("room.visit", bodyOf("roomId", roomId));
        assertEquals("facilitator_only", byParticipant.path("error").path("code").asText(), byParticipant::toString);

        ok(fay.request("room.visit", bodyOf("roomId", null)));
        mediaRoom(amir, room -> roomId.equals(room.path("place").asText()) && room.path("peers").size() == 2);
        JsonNode gone = signal("Amir Ashford", personId(fay));
        assertEquals("not_together", gone.path("error").path("code").asText(), gone::toString);
    }

    private JsonNode signal(String from, String to) {
        return people.get(from).request("media.signal", bodyOf("to", to, "signal", Map.of("type", "offer", "sdp", "v=0")));
    }

    /** The names in the stage's queue of hands, in order, as this person's view shows them when they open another tab. */
    private List<String> hands(String name) {
        try (LiveClient tab = LiveClient.join(server, sessionId, tokens.get(name), "tab-" + System.nanoTime(), null)) {
            List<String> names = new ArrayList<>();
            tab.view().path("stage").path("hands").forEach(hand -> names.add(hand.path("name").asText()));
            return names;
        }
    }

    /** The media room this person was told last, once it matches: an earlier one says nothing about where they are now. */
    private static JsonNode mediaRoom(LiveClient client, Predicate<JsonNode> matches) {
        return client.awaitLatestSignal("media.room", matches, "the latest media.room, matching");
    }

    /** The names of the people this person calls, sorted. */
    private static List<String> peerNames(JsonNode room) {
        List<String> names = new ArrayList<>();
        room.path("peers").forEach(peer -> names.add(peer.path("name").asText()));
        names.sort(null);
        return names;
    }

    private String personId(String name) {
        return personId(people.get(name));
    }

    private static String personId(LiveClient client) {
        return client.hello().path("body").path("view").path("you").path("personId").asText();
    }

    private static void ok(JsonNode reply) {
        assertTrue(reply.path("ok").asBoolean(), reply::toString);
    }
}
