package org.colearn.server;

import static org.colearn.server.testing.Browser.awaitMedia;
import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.colearn.server.system.MediaSettings;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.Browser;
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
 * The plenary's stage and a facilitator's visit in the browser, through a real Janus: the audience cannot turn on a
 * microphone and is not heard; someone who raised a hand and was brought on stage is heard and seen by the audience;
 * "mute all" turns their microphone off; a screen shared from the stage is seen; a facilitator visiting a breakout
 * room is announced to its members and heard in its call.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class StageBrowserIT {

    private static final By MEDIA = Browser.section("Voice and video");
    private static final By STAGE = Browser.section("Stage");
    /** What the live page tells screen readers politely. */
    private static final String SAID = "main div.visually-hidden[aria-live='polite']";
    private static final By MICROPHONE_ON = By.xpath("//main//button[normalize-space()='Turn microphone on']");

    JanusServer janus;
    TestServer server;
    final List<Browser> opened = new ArrayList<>();
    LiveClient fayTab;
    String amirToken;

    @BeforeEach
    void needsABrowser() {
        assumeTrue(Browser.available(), "skipped: the browser tests need Debian's chromium and chromedriver");
    }

    @AfterEach
    void tearDown() throws Exception {
        opened.forEach(Browser::close);
        if (fayTab != null) {
            fayTab.close();
        }
        if (server != null) {
            server.close();
        }
        if (janus != null) {
            janus.close();
        }
    }

    @Test
    void theAudienceHearsSomeoneOnlyOnceTheFacilitatorBringsThemOnStageFromTheRaisedHands() throws Exception {
        String page = startSession();
        Browser fay = open("fay.facilitator@example.nhs.uk", page);
        Browser amir = open("amir.khan@example.nhs.uk", page);
        Browser ben = open("ben.carter@example.nhs.uk", page);
        for (Browser browser : opened) {
            browser.waitForTextIn(MEDIA, "You are in the call of the plenary.");
        }

        fay.press("Make the plenary a stage");
        fay.waitForTextIn(STAGE, "You are on stage");
        amir.waitForTextIn(STAGE, "You are in the audience");
        ben.waitForTextIn(STAGE, "You are in the audience");
        amir.waitUntilGone(MICROPHONE_ON);
        ben.waitUntilGone(MICROPHONE_ON);
        fay.waitForTextIn(STAGE, "Share your screen"); // the call of someone on stage, with an id for their screen
        fay.press("Turn microphone on");
        fay.press("Turn camera on");
        awaitMedia(amir::receivesAudioAndVideo, "Amir, in the audience, receives Fay on stage");
        awaitMedia(ben::receivesAudioAndVideo, "Ben, in the audience, receives Fay on stage");
        assertFalse(ben.waitFor(MEDIA).getText().contains("Amir Khan"), "Ben receives nothing of Amir, in the audience");
        amir.assertAccessible("an audience member's stage and call");

        amir.press("Raise hand");
        amir.waitForTextIn(STAGE, "Lower hand");
        awaitSaid(fay, "Amir Khan raised a hand.");
        fay.waitForTextIn(STAGE, "Amir Khan");
        fay.assertAccessible("a facilitator's stage with a raised hand");
        fay.press("Bring on stage: Amir Khan");
        amir.waitForTextIn(STAGE, "You are on stage");
        amir.press("Turn microphone on");
        amir.press("Turn camera on");
        amir.waitForTextIn(MEDIA, "Mute microphone");
        ben.waitForTextIn(MEDIA, "Amir Khan");
        awaitMedia(() -> playing(ben, "Amir Khan", true), "Ben hears and sees Amir, brought on stage");
        ben.assertAccessible("an audience member watching two people on stage");

        fay.press("Mute everyone on stage");
        awaitSaid(amir, "Fay Facilitator muted everyone on stage.");
        amir.waitForTextIn(MEDIA, "Turn microphone on");

        fay.press("Share your screen");
        fay.waitForTextIn(STAGE, "Stop sharing your screen");
        ben.waitForTextIn(MEDIA, "Fay Facilitator's screen");
        awaitMedia(() -> playing(ben, "Fay Facilitator's screen", false), "Ben sees the screen Fay shares");
    }

    @Test
    void aFacilitatorVisitingARoomIsAnnouncedToItsMembersAndHeardInItsCall() throws Exception {
        String page = startSession();
        Browser fay = open("fay.facilitator@example.nhs.uk", page);
        Browser amir = open("amir.khan@example.nhs.uk", page);
        String amirId = server.api().as(amirToken).get("me").json().path("id").asText();
        fayTab.request("rooms.open", bodyOf("rooms", List.of(Map.of("name", "Table 1", "members", List.of(amirId)))));
        amir.waitForTextIn(MEDIA, "You are in the call of Table 1.");

        fay.press("Visit Table 1");
        awaitSaid(amir, "Fay Facilitator, facilitator, is visiting.");
        fay.waitForTextIn(MEDIA, "You are in the call of Table 1.");
        fay.press("Turn microphone on");
        amir.waitForTextIn(MEDIA, "Fay Facilitator");
        awaitMedia(() -> amir.inboundMediaGrowth()[0] > 0, "Amir hears Fay visiting Table 1");
        amir.assertAccessible("a breakout room with a facilitator visiting");

        fay.press("Stop visiting");
        awaitSaid(amir, "Fay Facilitator, facilitator, has left the room.");
        fay.waitForTextIn(MEDIA, "You are in the call of the plenary.");
        awaitMedia(() -> !amir.waitFor(MEDIA).getText().contains("Fay Facilitator"), "Fay's tile leaves Table 1's call");
    }

    /** A started session through a real Janus, with Fay facilitating and Amir and Ben taking part. */
    private String startSession() throws Exception {
        janus = JanusServer.start();
        server = TestServer.startWithMedia(new MediaSettings(List.of(janus.url()), JanusServer.ADMIN_KEY, List.of(), "", Duration.ofHours(1)));
        Api api = server.api();
        String fayToken = People.signUp(api, "Fay Facilitator");
        Api facilitator = api.as(fayToken);
        String collaborative = People.collaborative(facilitator, "Sepsis collaborative");
        String code = People.invitation(facilitator, collaborative, "participant");
        amirToken = People.signUp(api, "Amir Khan");
        People.join(api.as(amirToken), code, People.site(facilitator, collaborative, "Ashford", "trust"), "nurse");
        String benToken = People.signUp(api, "Ben Carter");
        People.join(api.as(benToken), code, People.site(facilitator, collaborative, "Maidstone", "trust"), "doctor");
        String sessionId = People.session(facilitator, collaborative, "Learning session", 90, List.of(LiveClient.agendaItem("Plenary", "plenary", 30)));
        fayTab = LiveClient.join(server, sessionId, fayToken, "fay-tablet", null);
        fayTab.request("session.start", bodyOf());
        return "/sessions/" + sessionId;
    }

    private Browser open(String email, String page) {
        Browser browser = Browser.loggedInWithMedia(server.baseUrl(), email, page);
        opened.add(browser);
        browser.waitForTextIn(LivePage.CONNECTION, "Connected");
        // Everything read out is kept: announcements that come close together replace each other in the region.
        browser.script("const region = document.querySelector(arguments[0]); window.colearnTestSaid = [];"
                + " new MutationObserver(() => { if (region.textContent) window.colearnTestSaid.push(region.textContent); })"
                + " .observe(region, { childList: true, characterData: true, subtree: true });", SAID);
        return browser;
    }

    /** Waits until the page has read out {@code text} politely. */
    private static void awaitSaid(Browser browser, String text) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!Boolean.TRUE.equals(browser.script("return window.colearnTestSaid.includes(arguments[0]);", text))) {
            assertTrue(Instant.now().isBefore(deadline), () -> "'" + text + "' read out within 20 s, but the page said "
                    + browser.script("return window.colearnTestSaid;"));
        }
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
}
