package org.colearn.server;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
import org.openqa.selenium.support.ui.Select;

/**
 * A person's own voice and video controls: audio-only mode sends and receives no video, through Janus and peer to
 * peer; the devices a person chose stay chosen in their browser; a browser that blocks the camera and microphone
 * shows how to allow them while the chat goes on; every control passes axe-core.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MediaControlsBrowserIT {

    private static final By MEDIA = Browser.section("Voice and video");
    private static final String AUDIO_ONLY = "Audio only, for a weak connection: no video is sent or received";

    JanusServer janus;
    TestServer server;
    final List<Browser> opened = new ArrayList<>();
    LiveClient fiona;
    String page;

    @BeforeEach
    void needsABrowser() {
        assumeTrue(Browser.available(), "skipped: the browser tests need Debian's chromium and chromedriver");
    }

    @AfterEach
    void tearDown() throws Exception {
        opened.forEach(Browser::close);
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
    void throughJanusAPersonInAudioOnlyModeHearsTheOthersButSendsAndReceivesNoVideo() throws Exception {
        janus = JanusServer.start();
        server = TestServer.startWithMedia(new MediaSettings(List.of(janus.url()), JanusServer.ADMIN_KEY, List.of(), "", Duration.ofHours(1)));
        audioOnlyReceivesAndSendsNoVideo();
    }

    @Test
    void withoutAMediaServerAPersonInAudioOnlyModeHearsTheOthersButSendsAndReceivesNoVideo() {
        server = TestServer.start();
        audioOnlyReceivesAndSendsNoVideo();
    }

    @Test
    void aPersonWhoseBrowserBlocksTheDevicesIsToldHowToAllowThemAndCanStillChat() {
        server = TestServer.start();
        startSession("Ann Lee", "Ben Carter");
        Browser ann = remember(Browser.loggedInWithBlockedMedia(server.baseUrl(), "ann.lee@example.nhs.uk", page));
        Browser ben = open("ben.carter@example.nhs.uk");
        ann.waitForTextIn(LivePage.CONNECTION, "Connected");
        ann.waitForTextIn(MEDIA, "You are in the call of the plenary.");

        ann.press("Turn microphone on");
        ann.waitForTextIn(MEDIA, "Camera and microphone are blocked");
        ann.waitForTextIn(MEDIA, "Allow them for this site");
        ann.waitForTextIn(MEDIA, "Turn microphone on");
        ann.assertAccessible("the voice and video panel with blocked devices");

        ann.fill("Message to everyone", "My camera is blocked, I will type");
        ann.press("Send");
        ben.waitForTextIn(LivePage.CHAT, "My camera is blocked, I will type");
    }

    private void audioOnlyReceivesAndSendsNoVideo() {
        startSession("Ann Lee", "Ben Carter", "Cara Singh");
        Browser ann = open("ann.lee@example.nhs.uk");
        Browser ben = open("ben.carter@example.nhs.uk");
        Browser cara = open("cara.singh@example.nhs.uk");
        for (Browser browser : opened) {
            browser.waitForTextIn(MEDIA, "You are in the call of the plenary.");
        }

        ann.field(AUDIO_ONLY).click();
        ann.waitForTextIn(MEDIA, "Camera off (audio only)");
        assertFalse(ann.waitFor(By.xpath("//main//button[normalize-space()='Camera off (audio only)']")).isEnabled(),
                "no camera in audio-only mode");
        ann.waitForTextIn(MEDIA, "You are in the call of the plenary.");
        ann.press("Turn microphone on");
        ben.press("Turn microphone on");
        ben.press("Turn camera on");
        ann.waitForTextIn(MEDIA, "Ben Carter");
        ben.waitForTextIn(MEDIA, "Ann Lee");
        awaitTrue(() -> ann.inboundMediaGrowth()[0] > 0, "Ann hears Ben");
        awaitTrue(() -> ben.inboundMediaGrowth()[0] > 0, "Ben hears Ann");
        awaitTrue(() -> cara.inboundMediaGrowth()[1] > 0, "Cara, not audio only, sees Ben's video");
        assertEquals(0, ann.inboundMediaGrowth()[1], "Ann, audio only, receives none of Ben's video");
        assertEquals(0, ben.inboundMediaGrowth()[1], "Ann, audio only, sends no video (Cara sends none either)");
        ann.assertAccessible("the voice and video panel in audio-only mode");

        // The browser keeps the choice: after a reload Ann is still audio only, with the microphone she chose.
        Select microphones = new Select(ann.field("Microphone"));
        awaitTrue(() -> microphones.getOptions().size() > 1, "Ann's microphones are listed");
        String chosen = microphones.getOptions().get(1).getText();
        microphones.selectByIndex(1);
        ann.script("document.body.dataset.beforeReload = 'yes'; location.reload()");
        awaitTrue(() -> ann.script("return document.body.dataset.beforeReload || null") == null, "the page reloads");
        ann.waitForTextIn(MEDIA, "You are in the call of the plenary.");
        assertTrue(ann.field(AUDIO_ONLY).isSelected(), "still audio only after a reload");
        ann.waitForTextIn(MEDIA, "Camera off (audio only)");
        ann.press("Turn microphone on");
        awaitTrue(() -> new Select(ann.field("Microphone")).getFirstSelectedOption().getText().equals(chosen),
                "the microphone chosen before the reload is still chosen");
    }

    private void startSession(String... names) {
        Api api = server.api();
        String fionaToken = People.signUp(api, "Fiona Facilitator");
        Api facilitator = api.as(fionaToken);
        String collaborative = People.collaborative(facilitator, "Sepsis collaborative");
        String code = People.invitation(facilitator, collaborative, "participant");
        String site = People.site(facilitator, collaborative, "Ashford", "trust");
        for (String name : names) {
            People.join(api.as(People.signUp(api, name)), code, site, "nurse");
        }
        String sessionId = People.session(facilitator, collaborative, "Learning session", 90, List.of(LiveClient.agendaItem("Talk", "plenary", 30)));
        fiona = LiveClient.join(server, sessionId, fionaToken, "fiona-laptop", null);
        fiona.request("session.start", bodyOf());
        page = "/sessions/" + sessionId;
    }

    private Browser open(String email) {
        Browser browser = remember(Browser.loggedInWithMedia(server.baseUrl(), email, page));
        browser.waitForTextIn(LivePage.CONNECTION, "Connected");
        return browser;
    }

    private Browser remember(Browser browser) {
        opened.add(browser);
        return browser;
    }

    private static void awaitTrue(Supplier<Boolean> condition, String what) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.get()) {
            assertTrue(Instant.now().isBefore(deadline), what + ": not within 20 s");
        }
    }
}
