package org.colearn.server.media;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.colearn.server.system.MediaSettings;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.JanusGuest;
import org.colearn.server.testing.JanusServer;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The plenary's stage on a real Janus: speakers get an id to share their screen under and the audience none, and
 * whoever is brought on stage or sent back is let in under a new token and kicked under the old one, which Janus then
 * refuses.
 */
@Timeout(120)
class StageJanusIT {

    JanusServer janus;
    TestServer server;
    LiveClient fay;
    LiveClient amir;

    @BeforeEach
    void setUp() throws Exception {
        janus = JanusServer.start();
        server = TestServer.startWithMedia(new MediaSettings(List.of(janus.url()), JanusServer.ADMIN_KEY, List.of(), "", Duration.ofHours(1)));
        Api api = server.api();
        String fayToken = People.signUp(api, "Fay Facilitator");
        Api facilitator = api.as(fayToken);
        String collaborative = People.collaborative(facilitator, "AKI");
        String code = People.invitation(facilitator, collaborative, "participant");
        String sessionId = People.session(facilitator, collaborative, "Session", 120, List.of(LiveClient.agendaItem("Plenary", "plenary", 30)));
        fay = LiveClient.join(server, sessionId, fayToken, "fay-laptop", null);
        fay.request("session.start", bodyOf());
        String amirToken = People.signUp(api, "Amir Ashford");
        People.join(api.as(amirToken), code, People.site(facilitator, collaborative, "Ashford", "trust"), "nurse");
        amir = LiveClient.join(server, sessionId, amirToken, "amir-phone", null);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (LiveClient client : new LiveClient[] {amir, fay}) {
            if (client != null) {
                client.close();
            }
        }
        if (server != null) {
            server.close();
        }
        if (janus != null) {
            janus.close();
        }
    }

    @Test
    void onStageSpeakersMayShareAScreenAndTheAudienceListensUnderATokenOfItsOwn() {
        JsonNode before = mediaRoom(amir, room -> room.path("publish").asBoolean());
        assertTrue(fay.request("stage.open", bodyOf()).path("ok").asBoolean());

        JsonNode listener = mediaRoom(amir, room -> room.path("stage").asBoolean());
        assertFalse(listener.path("publish").asBoolean(), listener::toString);
        assertFalse(listener.has("screenFeed"), "the audience has no screen to share: " + listener);
        assertEquals(before.path("room").asLong(), listener.path("room").asLong(), "the plenary keeps its room");
        assertNotEquals(before.path("token").asText(), listener.path("token").asText(), "a listener's token is a new one");
        JsonNode refused = guest(before).join(before.path("room").asLong(), before.path("token").asText(), before.path("feed").asLong());
        assertTrue(refused.has("error_code"), "the token Amir had before the stage is refused: " + refused);

        JsonNode speaker = mediaRoom(fay, room -> room.path("stage").asBoolean());
        assertTrue(speaker.path("publish").asBoolean(), speaker::toString);
        long room = speaker.path("room").asLong();
        assertEquals("joined", guest(speaker).join(room, speaker.path("token").asText(), speaker.path("screenFeed").asLong())
                .path("videoroom").asText(), "Fay's screen joins under her second id");
        JsonNode people = speaker.path("people");
        assertTrue(people.toString().contains("Fay Facilitator's screen"), people::toString);
    }

    @Test
    void someoneSentBackToTheAudienceIsKickedUnderTheirSpeakersIdAndThatTokenIsRefused() {
        assertTrue(fay.request("stage.open", bodyOf()).path("ok").asBoolean());
        mediaRoom(amir, room -> room.path("stage").asBoolean());
        String amirId = amir.hello().path("body").path("view").path("you").path("personId").asText();
        assertTrue(fay.request("stage.invite", bodyOf("personId", amirId)).path("ok").asBoolean());
        JsonNode onStage = mediaRoom(amir, room -> room.path("publish").asBoolean());
        long room = onStage.path("room").asLong();
        JanusGuest asSpeaker = guest(onStage);
        assertEquals("joined", asSpeaker.join(room, onStage.path("token").asText(), onStage.path("feed").asLong()).path("videoroom").asText());
        assertTrue(asSpeaker.participants(room).contains(onStage.path("feed").asLong()));

        assertTrue(fay.request("stage.dismiss", bodyOf("personId", amirId)).path("ok").asBoolean());
        JsonNode back = mediaRoom(amir, room2 -> room2.path("stage").asBoolean() && !room2.path("publish").asBoolean());
        assertNotEquals(onStage.path("feed").asLong(), back.path("feed").asLong());
        JanusRoomsIT.awaitTrue(() -> !asSpeaker.participants(room).contains(onStage.path("feed").asLong()), "Amir is kicked under his speaker's id");
        JsonNode again = guest(onStage).join(room, onStage.path("token").asText(), onStage.path("feed").asLong());
        assertTrue(again.has("error_code"), "the speaker's token is refused once he is back in the audience: " + again);
        assertEquals("joined", guest(back).join(room, back.path("token").asText(), back.path("feed").asLong()).path("videoroom").asText());
    }

    private static JanusGuest guest(JsonNode room) {
        return new JanusGuest(URI.create(room.path("server").asText()));
    }

    /** The media room this person was told last, once it matches: an earlier one says nothing about where they are now. */
    private static JsonNode mediaRoom(LiveClient client, Predicate<JsonNode> matches) {
        return client.awaitLatestSignal("media.room", matches, "the latest media.room, matching");
    }
}
