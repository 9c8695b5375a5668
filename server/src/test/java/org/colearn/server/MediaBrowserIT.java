package org.colearn.server;

import static org.colearn.server.testing.Browser.awaitMedia;
import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
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
 * Voice and video in the browser through a real Janus: people at the same table hear and see each other with nothing
 * to click but their own microphone and camera, the other table hears nothing of them, and someone moved to the
 * other table stops receiving the first one and starts receiving the new one.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MediaBrowserIT {

    private static final By MEDIA = Browser.section("Voice and video");

    JanusServer janus;
    TestServer server;
    final List<Browser> opened = new ArrayList<>();
    LiveClient fiona;

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
    void throughJanusTablematesHearAndSeeEachOtherAndAPersonMovedToAnotherTableStopsReceivingTheFirst() throws Exception {
        janus = JanusServer.start();
        server = TestServer.startWithMedia(new MediaSettings(List.of(janus.url()), JanusServer.ADMIN_KEY, List.of(), "", Duration.ofHours(1)));
        tablesFollowTheSeating();
    }

    @Test
    void withoutAMediaServerTablematesCallEachOtherDirectlyAndAPersonMovedToAnotherTableStopsReceivingTheFirst() {
        server = TestServer.start();
        tablesFollowTheSeating();
    }

    private void tablesFollowTheSeating() {
        Api api = server.api();
        String fionaToken = People.signUp(api, "Fiona Facilitator");
        Api facilitator = api.as(fionaToken);
        String collaborative = People.collaborative(facilitator, "Sepsis collaborative");
        String code = People.invitation(facilitator, collaborative, "participant");
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        for (String[] person : new String[][] {{"Ann Lee", "Ashford"}, {"Ben Carter", "Maidstone"}, {"Cara Singh", "Sevenoaks"}}) {
            String token = People.signUp(api, person[0]);
            People.join(api.as(token), code, People.site(facilitator, collaborative, person[1], "trust"), "nurse");
            ids.put(person[0], api.as(token).get("me").json().path("id").asText());
        }
        String sessionId = People.session(facilitator, collaborative, "Learning session", 90, List.of(LiveClient.agendaItem("Tables", "plenary", 30)));
        fiona = LiveClient.join(server, sessionId, fionaToken, "fiona-laptop", null);
        fiona.request("session.start", bodyOf());
        String page = "/sessions/" + sessionId;
        Browser ann = open("ann.lee@example.nhs.uk", page);
        Browser ben = open("ben.carter@example.nhs.uk", page);
        Browser cara = open("cara.singh@example.nhs.uk", page);
        for (Browser browser : opened) {
            browser.waitForTextIn(MEDIA, "You are in the call of the plenary.");
        }

        fiona.request("rooms.open", bodyOf("rooms", List.of(
                Map.of("name", "Table 1", "members", List.of(ids.get("Ann Lee"), ids.get("Ben Carter"))),
                Map.of("name", "Table 2", "members", List.of(ids.get("Cara Singh"))))));
        ann.waitForTextIn(MEDIA, "You are in the call of Table 1.");
        ben.waitForTextIn(MEDIA, "You are in the call of Table 1.");
        cara.waitForTextIn(MEDIA, "You are in the call of Table 2.");
        for (Browser browser : List.of(ann, ben)) {
            browser.press("Turn microphone on");
            browser.press("Turn camera on");
            browser.waitForTextIn(MEDIA, "Mute microphone");
        }
        ann.waitForTextIn(MEDIA, "Ben Carter");
        ben.waitForTextIn(MEDIA, "Ann Lee");
        awaitMedia(ann::receivesAudioAndVideo, "Ann receives Ben's audio and video");
        awaitMedia(ben::receivesAudioAndVideo, "Ben receives Ann's audio and video");
        long[] caraHears = cara.inboundMediaGrowth();
        assertEquals(0, caraHears[0] + caraHears[1], "Cara, alone at Table 2, receives nothing of Table 1");
        ann.assertAccessible("a participant in a call at a table");

        fiona.request("room.move", bodyOf("personId", ids.get("Ben Carter"), "roomId", "r2"));
        ben.waitForTextIn(MEDIA, "You are in the call of Table 2.");
        cara.waitForTextIn(MEDIA, "Ben Carter");
        awaitMedia(cara::receivesAudioAndVideo, "Cara receives Ben at Table 2");
        awaitMedia(() -> !ann.waitFor(MEDIA).getText().contains("Ben Carter"), "Ben's tile leaves Ann's call");
        awaitMedia(() -> {
            long[] growth = ann.inboundMediaGrowth();
            return growth[0] == 0 && growth[1] == 0;
        }, "Ann receives nothing once Ben has gone to Table 2");
    }

    private Browser open(String email, String page) {
        Browser browser = Browser.loggedInWithMedia(server.baseUrl(), email, page);
        opened.add(browser);
        browser.waitForTextIn(LivePage.CONNECTION, "Connected");
        return browser;
    }
}
