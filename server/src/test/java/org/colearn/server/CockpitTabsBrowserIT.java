package org.colearn.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.Browser;
import org.colearn.server.testing.BrowserServer;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.LivePage;
import org.colearn.server.testing.People;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The cockpit's tabs and counts in real headless Chromium: a facilitator runs a 60-person café at a laptop's
 * 1366 × 768 without the page scrolling, with the activity, agenda, rooms, results and guests as tabs beside the chat;
 * the counts that need attention sit in the "Now" bar and open their panels, for a co-facilitator as for the
 * facilitator; "Previous item" asks before running an item again. On a phone, a participant has the activity, their
 * breakout room (while rooms are open), the chat and who is here as tabs that keep their place and tell of new
 * messages. Everyone else is a WebSocket client.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class CockpitTabsBrowserIT {

    private static final By NOW = LivePage.NOW;
    /** The tabs shown (a participant's Room tab is left out while no rooms are open). */
    private static final By TABS = By.xpath("//main//*[@role='tab'][not(@hidden)]");
    private static final By SELECTED_TAB = By.xpath("//main//*[@role='tab'][@aria-selected='true']");
    private static final By ROOMS = Browser.section("Breakout rooms");
    private static final By ROOM_TAB = By.xpath("//main//*[@role='tab'][@aria-controls='tabpanel-room'][not(@hidden)]");
    /** The live page's polite announcements, which a screen reader reads out. */
    private static final By SPOKEN = By.xpath("//*[@aria-live='assertive']/preceding-sibling::div[@aria-live='polite'][1]");

    @RegisterExtension
    static final BrowserServer server = new BrowserServer();

    @Test
    void facilitatorRunsASixtyPersonCafeFromTheTabsWithoutScrollingThePageAndGoesBackOnlyWhenSure() {
        Api api = server.api();
        Api fiona = api.as(People.signUp(api, "Fiona Facilitator"));
        String collaborative = People.collaborative(fiona, "Grampian deterioration collaborative");
        String sessionId = People.session(fiona, collaborative, "Learning session 6", 120, List.of(
                LiveClient.agendaItem("Welcome", "plenary", 10),
                Map.of("title", "World café", "activityType", "world-cafe", "plannedMinutes", 40,
                        "config", Map.of("tableSize", 6, "tables", 0, "rounds", 2, "roundMinutes", 20,
                                "questions", List.of("What helped you spot deterioration?", "What will you change first?"),
                                "hosts", "automatic", "noteKinds", List.of("insight", "question"),
                                "mixSites", true, "mixProfessions", false, "avoidEarlierMeetings", true)),
                LiveClient.agendaItem("Close", "plenary", 5)));
        String code = People.guestCode(fiona, sessionId);

        List<LiveClient> crowd = new ArrayList<>();
        try (Browser browser = server.loggedIn("fiona.facilitator@example.nhs.uk", "/sessions/" + sessionId)) {
            browser.resize(1366, 768);
            browser.waitForTextIn(LivePage.CONNECTION, "Connected");
            List<String> tokens = People.guests(api, code, 60, 4);
            for (int i = 0; i < tokens.size(); i++) {
                crowd.add(server.join(sessionId, tokens.get(i), String.format("guest-%02d", i)));
            }
            browser.waitForText("Who is here (61)");
            assertEquals(List.of("Activity", "Agenda", "Rooms", "Results", "Guests"), browser.texts(TABS));

            browser.press("Start session");
            browser.waitForTextIn(NOW, "Next: Welcome");
            browser.press("Next item");
            browser.waitForTextIn(NOW, "Item 1 of 3\nWelcome");

            // The bar counts the guests here; the count opens the Guests tab, its heading focused.
            browser.press("60 guests");
            assertEquals("Guests", browser.waitFor(SELECTED_TAB).getText());
            assertEquals("Guests", browser.focused().getText(), "the guests' panel has the focus");
            browser.assertAccessible("the cockpit's Guests tab with the guests counted in the bar");

            // The café: sixty people at ten tables, run from the Activity tab, the rooms in theirs.
            browser.assertNoVerticalScroll("the cockpit of a 60-person session before the café, at 1366 x 768");
            browser.press("Next item");
            browser.waitForTextIn(NOW, "Item 2 of 3\nWorld café");
            browser.press("Activity");
            browser.press("Begin the café");
            browser.waitForTextIn(NOW, "in round 1 of 2");
            crowd.get(0).awaitActivityView(view -> view.path("phase").asText().equals("round"), "the first round, seated");
            browser.assertNoVerticalScroll("the café's console in round 1 of a 60-person café");
            browser.press("Rooms");
            String rooms = browser.waitForTextIn(ROOMS, "Table 10");
            assertTrue(rooms.contains("Table 1"), () -> "the Rooms tab lists the café's tables: " + rooms);
            browser.assertNoVerticalScroll("the cockpit's Rooms tab with ten tables of a 60-person café");
            WebElement roomsPanel = browser.waitFor(By.id("tabpanel-rooms"));
            assertTrue((Boolean) browser.script("return arguments[0].scrollHeight > arguments[0].clientHeight", roomsPanel), "the Rooms tab scrolls on its own");
            assertTrue(CockpitBrowserIT.inView(browser, "End this item") && CockpitBrowserIT.inView(browser, "Next item"), "the bar's buttons are on screen");
            browser.assertAccessible("the cockpit's Rooms tab during a 60-person café");

            // Zoomed to 200 % (WCAG 1.4.10, reflow) the cockpit no longer fits: the page scrolls, and nothing is cut off.
            browser.zoom(200);
            assertEquals(0, browser.horizontalOverflow(), "zoomed to 200 %, nothing scrolls sideways");
            assertTrue((Boolean) browser.script("const p = document.getElementById('tabpanel-rooms');"
                    + " return p.scrollHeight <= p.clientHeight + 1 && document.documentElement.scrollHeight > window.innerHeight;"),
                    "zoomed to 200 %, the ten tables are in the page, which scrolls, and no longer in a panel of their own");
            browser.zoom(100);
            browser.assertNoVerticalScroll("the cockpit back at 100 % zoom");

            // Each tab keeps its place: the rooms' list scrolled down is where it was after a look at the agenda.
            WebElement panel = roomsPanel;
            browser.script("arguments[0].scrollTop = 400", panel);
            long scrolled = ((Number) browser.script("return arguments[0].scrollTop", panel)).longValue();
            assertTrue(scrolled > 0, "the rooms' panel scrolls on its own");
            browser.press("Agenda");
            browser.press("Rooms");
            assertEquals(scrolled, ((Number) browser.script("return arguments[0].scrollTop", panel)).longValue());

            // "Previous item" goes back to the welcome only once the facilitator says so: it runs again.
            browser.press("Previous item");
            browser.waitForText("Welcome has run already. Run it again? Its activity starts again from the beginning.");
            assertEquals("Yes, run Welcome again", browser.focused().getText());
            browser.assertAccessible("the question before an item runs again");
            browser.press("No, stay here");
            assertEquals("Previous item", browser.focused().getText(), "saying no gives the focus back");
            browser.waitForTextIn(NOW, "Item 2 of 3\nWorld café");
            browser.press("Previous item");
            browser.press("Yes, run Welcome again");
            browser.waitForTextIn(NOW, "Item 1 of 3\nWelcome");
            browser.assertNoVerticalScroll("the cockpit once the welcome runs again");
            assertTrue(crowd.get(0).awaitCount(frame -> frame.path("type").asText().equals("agenda.item.started")
                    && frame.path("body").path("title").asText().equals("Welcome"), 2), "the welcome started a second time, for everyone");
        } finally {
            crowd.forEach(LiveClient::close);
        }
    }

    @Test
    void helpRequestsAndPeopleWaitingAreCountedInTheBarAndOpenTheirPanelForACoFacilitatorToo() {
        Api api = server.api();
        String fionaToken = People.signUp(api, "Fiona Lead");
        Api fiona = api.as(fionaToken);
        String collaborative = People.collaborative(fiona, "Tayside sepsis collaborative");
        String facilitators = People.invitation(fiona, collaborative, "facilitator");
        String participants = People.invitation(fiona, collaborative, "participant");
        String site = People.site(fiona, collaborative, "Ninewells", "trust");
        People.join(api.as(People.signUp(api, "Cara Cofacilitator")), facilitators, site, "manager");
        String nadiaToken = People.signUp(api, "Nadia Nurse");
        People.join(api.as(nadiaToken), participants, site, "nurse");
        String benToken = People.signUp(api, "Ben Doctor");
        People.join(api.as(benToken), participants, site, "doctor");
        String sessionId = People.session(fiona, collaborative, "Learning session 2", 60, List.of(
                LiveClient.agendaItem("Breakouts", "plenary", 30),
                LiveClient.agendaItem("Close", "plenary", 5)));

        try (Browser cara = server.loggedIn("cara.cofacilitator@example.nhs.uk", "/sessions/" + sessionId);
                LiveClient lead = server.join(sessionId, fionaToken, "fiona-laptop");
                LiveClient nadia = server.join(sessionId, nadiaToken, "nadia-phone");
                LiveClient ben = server.join(sessionId, benToken, "ben-phone")) {
            cara.resize(1366, 768);
            cara.waitForTextIn(LivePage.CONNECTION, "Connected");
            lead.request("session.start", LiveClient.bodyOf());
            lead.request("agenda.goto", LiveClient.bodyOf("index", 0));
            String nadiaId = nadia.view().path("you").path("personId").asText();
            JsonNode opened = lead.request("rooms.open", LiveClient.bodyOf("rooms", List.of(Map.of("name", "Triage", "members", List.of(nadiaId)))));
            assertTrue(opened.path("ok").asBoolean(), opened::toString);
            nadia.awaitEvent("room.assigned");
            nadia.request("help.request", LiveClient.bodyOf("message", "Which measure do we use?"));

            cara.waitForTextIn(NOW, "1 help request");
            cara.waitForTextIn(NOW, "1 person waiting for a room");
            cara.assertAccessible("the bar with a help request and a person waiting");
            cara.press("1 help request");
            assertEquals("Rooms", cara.waitFor(SELECTED_TAB).getText());
            assertEquals("Help requests (1 waiting)", cara.focused().getText(), "the help requests have the focus");
            cara.press("Mark handled: Nadia Nurse, Triage");
            cara.waitUntilGone(By.xpath("//main//button[normalize-space()='1 help request']"));

            cara.press("Agenda");
            cara.press("1 person waiting for a room");
            assertEquals("Rooms", cara.waitFor(SELECTED_TAB).getText());
            assertEquals("Breakout rooms", cara.focused().getText(), "the rooms, with who waits in the plenary, have the focus");
            cara.waitForTextIn(ROOMS, "In the plenary (1)");

            // The co-facilitator runs the agenda as the facilitator does.
            cara.press("Next item");
            ben.await(frame -> frame.path("type").asText().equals("agenda.item.started")
                    && frame.path("body").path("title").asText().equals("Close"), "the close, started by the co-facilitator");
            cara.waitForTextIn(NOW, "Item 2 of 2\nClose");
        }
    }

    @Test
    void onAPhoneAParticipantHasTheActivityTheirRoomTheChatAndWhoIsHereAsTabsThatKeepTheirPlaceAndTellOfNewMessages() {
        Api api = server.api();
        String fionaToken = People.signUp(api, "Fiona Host");
        Api fiona = api.as(fionaToken);
        String collaborative = People.collaborative(fiona, "Fife falls collaborative");
        String code = People.invitation(fiona, collaborative, "participant");
        Api annApi = api.as(People.signUp(api, "Ann Phone"));
        People.join(annApi, code, People.site(fiona, collaborative, "Victoria Hospital", "trust"), "nurse");
        String sessionId = People.session(fiona, collaborative, "Learning session 1", 60, List.of(
                Map.of("title", "Pulse check", "activityType", "poll", "plannedMinutes", 5, "config", Map.of(
                        "question", "How ready are you to test a change?", "options", List.of("Ready", "Nearly", "Not yet"),
                        "multipleChoice", false, "anonymous", true))));

        try (Browser ann = server.loggedIn("ann.phone@example.nhs.uk", "/sessions/" + sessionId);
                LiveClient lead = server.join(sessionId, fionaToken, "fiona-laptop")) {
            ann.resize(400, 800);
            ann.waitForTextIn(LivePage.CONNECTION, "Connected");
            lead.request("session.start", LiveClient.bodyOf());
            lead.request("agenda.goto", LiveClient.bodyOf("index", 0));
            ann.waitForText("How ready are you to test a change?");
            assertEquals(List.of("Activity", "Chat", "People"), ann.texts(TABS));
            double tabsBottom = ((Number) ann.script(
                    "return document.querySelector('[role=tablist]').getBoundingClientRect().bottom + window.scrollY")).doubleValue();
            assertTrue(tabsBottom < 800, () -> "the tabs are on the first screen: they end at " + tabsBottom + " px");
            assertEquals(0, ann.horizontalOverflow(), "nothing scrolls sideways");
            ann.assertAccessible("a participant's live page on a phone, the Activity tab");

            lead.request("chat.send", LiveClient.bodyOf("text", "Vote when you are ready"));
            ann.waitForTextIn(By.xpath("//main//*[@role='tab'][@aria-controls='tabpanel-chat']"), "1 new");
            ann.waitForTextContent(SPOKEN, "Chat from Fiona Host: Vote when you are ready");
            ann.press("Chat 1 new");
            ann.waitForTextIn(LivePage.CHAT, "Vote when you are ready");
            assertEquals("Chat", ann.waitFor(SELECTED_TAB).getText());
            assertEquals(0, ann.horizontalOverflow(), "nothing scrolls sideways in the chat");
            ann.assertAccessible("a participant's live page on a phone, the Chat tab");

            ann.press("People");
            ann.waitForTextIn(LivePage.WHO_IS_HERE, "Ann Phone");
            ann.assertAccessible("a participant's live page on a phone, the People tab");
            ann.press("Activity");
            ann.waitForText("How ready are you to test a change?");

            // Each tab keeps its place: the activity scrolled down is where it was after a look at the chat, whose
            // half-written message is still there; the tabs stay at the top of the window as the page scrolls.
            ann.resize(400, 480);
            ann.press("Chat");
            ann.fill("Message to everyone", "I will vote once I have asked my ward");
            ann.press("Activity");
            // From here the tabs are tapped where they are, at the top of the window, as on a phone.
            long scrolled = ((Number) ann.script("window.scrollTo(0, document.documentElement.scrollHeight); return window.scrollY;")).longValue();
            assertTrue(scrolled > 0, "the Activity tab is longer than the window");
            assertEquals(0, ((Number) ann.script("return Math.round(document.querySelector('[role=tablist]').getBoundingClientRect().top)")).intValue(),
                    "scrolled down, the tabs are at the top of the window");
            ann.waitFor(By.id("tab-chat")).click();
            assertEquals("I will vote once I have asked my ward", ann.field("Message to everyone").getDomProperty("value"));
            ann.waitFor(By.id("tab-activity")).click();
            assertEquals(scrolled, ((Number) ann.script("return window.scrollY")).longValue(), "the Activity tab is where Ann left it");
            ann.resize(400, 800);

            // Breakout rooms open: Ann's room comes as a tab of its own, its messages counted on it and read out.
            String annId = annApi.get("me").json().path("id").asText();
            lead.request("rooms.open", LiveClient.bodyOf("rooms", List.of(Map.of("name", "Falls huddle", "members", List.of(annId)))));
            ann.waitForTextIn(ROOM_TAB, "new");
            assertEquals(List.of("Activity", "Room new", "Chat", "People"), ann.texts(TABS));
            String roomId = lead.awaitEvent("rooms.opened").path("body").path("rooms").get(0).path("id").asText();
            lead.request("room.chat.send", LiveClient.bodyOf("text", "Start with last month's falls", "roomId", roomId));
            ann.waitForTextIn(ROOM_TAB, "1 new");
            ann.waitForTextContent(SPOKEN, "Room chat from Fiona Host: Start with last month's falls");
            ann.press("Room 1 new");
            String room = ann.waitForTextIn(Browser.section("Your breakout room"), "Start with last month's falls");
            assertTrue(room.contains("Falls huddle"), room);
            assertEquals(0, ann.horizontalOverflow(), "nothing scrolls sideways in the room");
            ann.assertAccessible("a participant's live page on a phone, the Room tab");
            lead.request("rooms.close", LiveClient.bodyOf());
            ann.waitUntilGone(ROOM_TAB);
            assertEquals("Activity", ann.waitFor(SELECTED_TAB).getText(), "with the rooms closed, the activity is shown again");
        }
    }
}

