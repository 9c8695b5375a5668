package org.colearn.server;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.colearn.server.system.MediaSettings;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.Browser;
import org.colearn.server.testing.JanusGuest;
import org.colearn.server.testing.JanusServer;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.LivePage;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;

/**
 * The plenary as a stage in the browser, through a real Janus: the audience hears and sees the facilitator on stage,
 * an audience member who publishes anyway is thrown out of the room by the server before the others keep receiving
 * them, someone who raised a hand and was brought on stage is heard and seen by the audience, and a screen shared from
 * the stage is seen.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class StageBrowserIT {

    private static final By MEDIA = Browser.section("Voice and video");
    private static final By STAGE = Browser.section("Stage");
    /** What the page tells screen readers politely. */
    private static final By SAID = By.cssSelector("div.visually-hidden[aria-live='polite']");
    /** The id under which an audience member's own script joins the room to publish against the rules. */
    private static final long ROGUE_FEED = 4242;

    JanusServer janus;
    TestServer server;
    final List<Browser> opened = new ArrayList<>();
    final List<LiveClient> tabs = new ArrayList<>();

    @BeforeEach
    void needsABrowser() {
        assumeTrue(Browser.available(), "skipped: the browser tests need Debian's chromium and chromedriver");
    }

    @AfterEach
    void tearDown() throws Exception {
        opened.forEach(Browser::close);
        tabs.forEach(LiveClient::close);
        if (server != null) {
            server.close();
        }
        if (janus != null) {
            janus.close();
        }
    }

    @Test
    void theAudienceReceivesTheStageAndAnAudienceMemberIsReceivedOnlyOnceBroughtOnStage() throws Exception {
        janus = JanusServer.start();
        server = TestServer.startWithMedia(new MediaSettings(List.of(janus.url()), JanusServer.ADMIN_KEY, List.of(), "", Duration.ofHours(1)));
        Api api = server.api();
        String fayToken = People.signUp(api, "Fay Facilitator");
        Api facilitator = api.as(fayToken);
        String collaborative = People.collaborative(facilitator, "Sepsis collaborative");
        String code = People.invitation(facilitator, collaborative, "participant");
        String amirToken = People.signUp(api, "Amir Khan");
        People.join(api.as(amirToken), code, People.site(facilitator, collaborative, "Ashford", "trust"), "nurse");
        String benToken = People.signUp(api, "Ben Carter");
        People.join(api.as(benToken), code, People.site(facilitator, collaborative, "Maidstone", "trust"), "doctor");
        String sessionId = People.session(facilitator, collaborative, "Learning session", 90, List.of(LiveClient.agendaItem("Plenary", "plenary", 30)));
        LiveClient fayTab = tab(sessionId, fayToken, "fay-tablet");
        fayTab.request("session.start", bodyOf());
        String page = "/sessions/" + sessionId;
        Browser fay = open("fay.facilitator@example.nhs.uk", page);
        Browser amir = open("amir.khan@example.nhs.uk", page);
        Browser ben = open("ben.carter@example.nhs.uk", page);
        for (Browser browser : opened) {
            browser.waitForTextIn(MEDIA, "You are in the call of the plenary.");
        }

        fay.press("Make the plenary a stage");
        amir.waitForTextIn(STAGE, "You are in the audience");
        ben.waitForTextIn(STAGE, "You are in the audience");
        fay.waitForTextIn(STAGE, "You are on stage");
        ben.waitForTextIn(MEDIA, "You are in the call of the plenary.");
        fay.waitForTextIn(MEDIA, "You are in the call of the plenary.");
        fay.press("Turn microphone on");
        fay.press("Turn camera on");
        awaitTrue(() -> growing(amir), "Amir, in the audience, receives Fay's audio and video");
        awaitTrue(() -> growing(ben), "Ben, in the audience, receives Fay's audio and video");
        amir.waitUntilGone(By.xpath("//main//button[normalize-space()='Turn microphone on']"));
        amir.assertAccessible("an audience member's stage and call");

        JsonNode amirsRoom = tab(sessionId, amirToken, "amir-phone").await(frame -> "media.room".equals(frame.path("type").asText())
                && frame.path("body").path("stage").asBoolean(), "Amir's media room on the stage").path("body");
        publishAnyway(amir, amirsRoom);
        JanusGuest probe = new JanusGuest(URI.create(amirsRoom.path("server").asText()));
        long room = amirsRoom.path("room").asLong();
        awaitTrue(() -> probe.participants(room).contains(ROGUE_FEED), "Amir's own script publishes in the stage's room");
        awaitTrue(() -> !probe.participants(room).contains(ROGUE_FEED), "the server kicks a publisher who is not on stage");
        awaitTrue(() -> ben.texts(By.cssSelector("[data-feed='" + ROGUE_FEED + "']")).isEmpty(), "Ben receives nothing of Amir's stream");

        amir.press("Raise hand");
        fay.waitForTextContent(SAID, "Amir Khan raised a hand.");
        fay.waitForTextIn(STAGE, "Amir Khan");
        fay.assertAccessible("a facilitator's stage with a raised hand");
        fay.press("Bring on stage: Amir Khan");
        amir.waitForTextIn(STAGE, "You are on stage");
        amir.waitForTextIn(MEDIA, "You are in the call of the plenary.");
        amir.press("Turn microphone on");
        amir.press("Turn camera on");
        ben.waitForTextIn(MEDIA, "Amir Khan");
        awaitTrue(() -> playing(ben, "Amir Khan", true), "Ben hears and sees Amir, brought on stage");
        ben.assertAccessible("an audience member watching two people on stage");

        fay.press("Share your screen");
        fay.waitForTextIn(STAGE, "Stop sharing your screen");
        ben.waitForTextIn(MEDIA, "Fay Facilitator's screen");
        awaitTrue(() -> playing(ben, "Fay Facilitator's screen", false), "Ben sees the screen Fay shares");
    }

    private LiveClient tab(String sessionId, String token, String clientId) {
        LiveClient tab = LiveClient.join(server, sessionId, token, clientId, null);
        tabs.add(tab);
        return tab;
    }

    private Browser open(String email, String page) {
        Browser browser = Browser.loggedInWithMedia(server.baseUrl(), email, page);
        opened.add(browser);
        browser.waitForTextIn(LivePage.CONNECTION, "Connected");
        return browser;
    }

    /**
     * Publishes the microphone in the stage's room as a page changed to ignore the rules would: a Janus session of its
     * own in the audience member's browser, with their token, under another id.
     */
    private static void publishAnyway(Browser browser, JsonNode room) {
        browser.script("const [server, room, token, feed] = arguments;"
                + " const janus = new window.Janus({ server, iceServers: [], success: () => janus.attach({ plugin: 'janus.plugin.videoroom',"
                + "  success: (handle) => { window.colearnTestRogue = handle;"
                + "   handle.send({ message: { request: 'join', ptype: 'publisher', room, id: feed, token } }); },"
                + "  onmessage: (message, jsep) => { const handle = window.colearnTestRogue;"
                + "   if (message.videoroom === 'joined') handle.createOffer({ tracks: [{ type: 'audio', capture: true, recv: false }],"
                + "    success: (offer) => handle.send({ message: { request: 'configure', audio: true }, jsep: offer }) });"
                + "   if (jsep) handle.handleRemoteJsep({ jsep }); } }) });",
                room.path("server").asText(), room.path("room").asLong(), room.path("token").asText(), ROGUE_FEED);
    }

    /** Whether the page receives audio and video: bytes on its open calls grow over a second. */
    private static boolean growing(Browser browser) {
        long[] growth = browser.inboundMediaGrowth();
        return growth[0] > 0 && growth[1] > 0;
    }

    /** Whether the tile of this name plays: video frames decoded and, if asked, a live audio track. */
    private static boolean playing(Browser browser, String name, boolean withAudio) {
        Object playing = browser.script("const [name, withAudio] = arguments;"
                + " const tile = [...document.querySelectorAll('.media-tile')].find((t) => t.querySelector('.media-name').textContent === name);"
                + " if (!tile) return false; const video = tile.querySelector('video');"
                + " return (!withAudio || video.srcObject.getAudioTracks().some((t) => t.readyState === 'live'))"
                + " && video.videoWidth > 0 && video.getVideoPlaybackQuality().totalVideoFrames > 0;", name, withAudio);
        return Boolean.TRUE.equals(playing);
    }

    private static void awaitTrue(Supplier<Boolean> condition, String what) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.get()) {
            assertTrue(Instant.now().isBefore(deadline), what + ": not within 20 s");
        }
    }
}
