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
 * The facilitator's cockpit in real headless Chromium at a laptop's 1366 × 768: the "Now" bar that stays in view with
 * the clock that matters and the buttons that run the agenda, the agenda changed while the session runs, a broadcast
 * taken down, one that ends with its item and one kept until the session ends, a café's rounds and a poll with its presenter view open, the page never scrolling, and the plan
 * form that says when an activity's own times do not fit its item. Participants
 * are WebSocket clients, so that what everyone else is sent is checked exactly.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CockpitBrowserIT {

    private static final By NOW = LivePage.NOW;
    private static final By COUNTDOWN = LivePage.NOW_CLOCK;
    private static final By AGENDA_TITLES = By.cssSelector("main .agenda-slot .agenda__title");
    private static final By SHOWN_BROADCAST = By.xpath("//main//section[@aria-label='Message from the facilitator'][not(@hidden)]");
    private static final By CURRENT_ITEM = By.xpath("//main//li[@aria-current='step']");

    @RegisterExtension
    static final BrowserServer server = new BrowserServer();

    @Test
    void facilitatorRunsAFourItemSessionFromTheBarWithoutScrollingAndChangesTheAgendaAsItRuns() {
        Api api = server.api();
        Api fiona = api.as(People.signUp(api, "Fiona Facilitator"));
        String collaborative = People.collaborative(fiona, "Highland deterioration collaborative");
        String code = People.invitation(fiona, collaborative, "participant");
        List<String> participants = new ArrayList<>();
        List<String> sites = List.of("NHS Highland", "NHS Grampian", "NHS Tayside", "NHS Fife");
        List<String> names = List.of("Nadia Nurse", "Omar Doctor", "Ann Lee", "Ben Carter");
        for (int i = 0; i < names.size(); i++) {
            String token = People.signUp(api, names.get(i));
            People.join(api.as(token), code, People.site(fiona, collaborative, sites.get(i), "trust"), i % 2 == 0 ? "nurse" : "doctor");
            participants.add(token);
        }
        String sessionId = People.session(fiona, collaborative, "Learning session 3", 120, List.of(
                LiveClient.agendaItem("Welcome", "plenary", 10),
                Map.of("title", "World café", "activityType", "world-cafe", "plannedMinutes", 30,
                        "config", Map.of("tableSize", 2, "tables", 0, "rounds", 2, "roundMinutes", 15,
                                "questions", List.of("What helped you spot deterioration?", "What will you change first?"),
                                "hosts", "automatic", "noteKinds", List.of("insight", "question"),
                                "mixSites", true, "mixProfessions", true, "avoidEarlierMeetings", true)),
                Map.of("title", "Questions", "activityType", "poll", "plannedMinutes", 10,
                        "config", Map.of("question", "Which change will you test first?", "options", List.of("Screening in triage", "Sepsis six"),
                                "multipleChoice", false, "anonymous", true)),
                LiveClient.agendaItem("Close", "plenary", 5)));

        List<LiveClient> clients = new ArrayList<>();
        try (Browser browser = server.loggedIn("fiona.facilitator@example.nhs.uk", "/sessions/" + sessionId)) {
            for (int i = 0; i < participants.size(); i++) {
                clients.add(server.join(sessionId, participants.get(i), "participant-" + i));
            }
            LiveClient nadia = clients.get(0);
            browser.resize(1366, 768);
            browser.waitForHeading("Learning session 3");
            browser.waitForTextIn(LivePage.CONNECTION, "Connected");
            browser.press("Start session");
            browser.waitForTextIn(NOW, "Next: Welcome");
            browser.assertAccessible("the cockpit of a live session before its first item");
            browser.assertNoVerticalScroll("the planned session started, before its first item, at 1366 x 768");

            browser.press("Next item");
            browser.waitForStatus("Now: Welcome");
            browser.waitForTextIn(NOW, "Item 1 of 4\nWelcome");
            assertTrue(browser.waitForTextIn(COUNTDOWN, "left").matches("(10:00|9:[0-5]\\d) left"), () -> browser.waitFor(COUNTDOWN).getText());
            assertEquals("Next item", browser.focused().getText(), "the focus stays on the button that moves the session on");
            browser.waitForTextIn(NOW, "Next: World café");
            browser.assertNoVerticalScroll("the welcome running");

            // The agenda changes while the session runs: the welcome gets longer, a coffee break comes in, the close goes.
            browser.press("Change the agenda");
            browser.fill("Minutes for Welcome", "15");
            browser.fill("Title of the new item", "Coffee");
            browser.choose("Activity of the new item", "Plenary");
            browser.fill("Minutes of the new item", "10");
            browser.press("Add item");
            browser.waitForStatus("Added Coffee as item 5.");
            browser.press("Move up Coffee");
            browser.press("Move up Coffee");
            browser.waitForStatus("Coffee is now item 3 of 5.");
            browser.press("Remove Close");
            browser.waitForStatus("Removed Close. The agenda has 4 items.");
            WebElement welcomeRemoval = browser.waitFor(By.xpath("//main//li[contains(., 'Welcome')]//span[normalize-space()='Running now']"));
            assertTrue(welcomeRemoval.isDisplayed(), "the running item cannot be removed, and says why");
            browser.assertAccessible("the agenda being changed while the session runs");
            browser.assertNoVerticalScroll("the agenda being changed while the session runs");
            browser.press("Save agenda");
            JsonNode changed = nadia.awaitEvent("agenda.changed").path("body").path("agenda");
            assertEquals(List.of("Welcome", "World café", "Coffee", "Questions"), titles(changed), "every participant is sent the new agenda");
            JsonNode retimed = nadia.awaitEvent("agenda.item.retimed").path("body");
            assertEquals(15, retimed.path("plannedMinutes").asInt(), retimed::toString);
            String longer = browser.waitForTextIn(COUNTDOWN, "14:");
            assertTrue(longer.matches("14:[0-5]\\d left"), () -> "the running welcome now ends five minutes later: " + longer);
            browser.waitForTextContent(By.cssSelector("main .agenda-slot"), "Coffee");
            assertEquals(List.of("Welcome", "World café", "Coffee", "Questions"), browser.texts(AGENDA_TITLES).stream().map(t -> t.replace("Now", "").strip()).toList());

            // A broadcast is taken down by the facilitator, for everyone.
            browser.fill("Broadcast a message", "Tables are in the lecture theatre");
            browser.press("Broadcast");
            browser.waitForTextIn(LivePage.BROADCAST, "Tables are in the lecture theatre");
            browser.assertNoVerticalScroll("a broadcast above the bar");
            browser.press("Clear message");
            nadia.awaitEvent("session.broadcast.cleared");
            browser.waitUntilGone(SHOWN_BROADCAST);
            // One not kept ends with its item.
            browser.fill("Broadcast a message", "Coffee is in the foyer");
            browser.press("Broadcast");
            browser.waitForTextIn(LivePage.BROADCAST, "Coffee is in the foyer");

            // The café: its round's clock is the one the bar shows large, the item's beside it.
            browser.press("Next item");
            browser.waitForStatus("Now: World café");
            browser.waitUntilGone(SHOWN_BROADCAST);
            // One kept stays shown beyond its item, until the session ends.
            browser.fill("Broadcast a message", "Lunch is at one in the atrium");
            browser.field("Keep it shown after this item").click();
            browser.press("Broadcast");
            browser.waitForTextIn(LivePage.BROADCAST, "Lunch is at one in the atrium");
            browser.press("Begin the café");
            String round = browser.waitForTextIn(COUNTDOWN, "in round 1 of 2");
            assertTrue(round.matches("(15:00|14:[0-5]\\d) left in round 1 of 2"), () -> "the round's clock leads: " + round);
            String item = browser.waitForTextIn(By.cssSelector("main .now__item-clock"), "Item:");
            assertTrue(item.matches("Item: (30:00|29:[0-5]\\d) left"), () -> "the item's clock stays beside it: " + item);
            browser.assertAccessible("the cockpit while a café round runs");
            browser.assertNoVerticalScroll("a café round running");
            assertTrue(inView(browser, "Next item") && inView(browser, "End this item"), "the bar's buttons are on screen");
            // The café's own item is retimed while its round runs: the item ends later, and the café goes on where it was.
            browser.press("Change the agenda");
            browser.fill("Minutes for World café", "35");
            browser.press("Save agenda");
            String later = browser.waitForTextIn(By.cssSelector("main .now__item-clock"), "Item: 34:");
            assertTrue(later.matches("Item: 34:[0-5]\\d left"), () -> "the café's item now ends five minutes later: " + later);
            String roundOn = browser.waitForTextIn(COUNTDOWN, "in round 1 of 2");
            assertTrue(roundOn.matches("(15:00|14:[0-5]\\d) left in round 1 of 2"), () -> "the café was not begun again, its round runs on: " + roundOn);
            browser.press("Start round 2 now");
            browser.waitForTextIn(COUNTDOWN, "in round 2 of 2");
            browser.assertNoVerticalScroll("the café's second round");
            browser.press("Next item");
            browser.waitForTextIn(NOW, "Item 3 of 4\nCoffee");
            browser.waitForTextIn(LivePage.BROADCAST, "Lunch is at one in the atrium");
            browser.press("Next item");
            browser.waitForTextIn(NOW, "Item 4 of 4\nQuestions");

            // The poll, with its presenter view open in a second tab for the projector, and its bars in the cockpit.
            browser.openInNewTab(server.baseUrl() + "#/sessions/" + sessionId + "/present");
            browser.waitForTextIn(By.cssSelector("main .present"), "Which change will you test first?");
            browser.switchToTab(0);
            clients.forEach(client -> client.request("poll.vote", LiveClient.bodyOf("choices", List.of(0))));
            browser.waitForText("4 voted (anonymous).");
            browser.press("Reveal results");
            browser.waitForTextContent(By.cssSelector("main .poll-results"), "100%");
            browser.assertNoVerticalScroll("a poll's results revealed, its presenter view open in another tab");
            browser.assertAccessible("the cockpit with a poll's results revealed");

            browser.press("End session");
            browser.press("Yes, end the session");
            browser.waitForTextIn(NOW, "This session has ended.");
            browser.waitUntilGone(SHOWN_BROADCAST);
            browser.assertNoVerticalScroll("the session ended");
            browser.waitUntilGone(CURRENT_ITEM);
            assertTrue(!browser.waitFor(By.cssSelector("main .agenda-slot")).getText().contains("Now"), "after the end, no item is Now");
            browser.assertAccessible("the cockpit after the session has ended");
        } finally {
            clients.forEach(LiveClient::close);
        }
    }

    @Test
    void planFormSaysWhenAnActivitysOwnTimesDoNotFitItsItem() {
        Api api = server.api();
        Api priya = api.as(People.signUp(api, "Priya Planner"));
        String collaborative = People.collaborative(priya, "Lothian sepsis collaborative");
        try (Browser browser = server.loggedIn("priya.planner@example.nhs.uk", "/collaboratives/" + collaborative)) {
            browser.waitForHeading("Lothian sepsis collaborative");
            browser.fill("Item title", "World café");
            browser.waitForText("You can change the agenda later on the session's page, also while it runs.");
            browser.choose("Activity", "World café");
            browser.fill("Planned minutes", "30");
            browser.press("Add item to agenda");
            browser.fill("Rounds", "2");
            browser.fill("Round minutes", "5");
            browser.waitForText("World café: 2 rounds of 5 minutes take 10 minutes, less than the 30 minutes planned for the item.");
            browser.fill("Round minutes", "15");
            browser.waitUntilGone(By.xpath("//main//p[contains(@class, 'agenda-draft__timing')][not(@hidden)]"));

            browser.fill("Item title", "Buddy meet");
            browser.choose("Activity", "Buddy meet");
            browser.fill("Planned minutes", "15");
            browser.press("Add item to agenda");
            browser.waitForText("Buddy meet: its own time is 20 minutes, more than the 15 minutes planned for the item.");
            browser.assertAccessible("the plan form warning that a buddy meet's own time does not fit its item");

            browser.waitForLiveCheck("Live connection OK");
            browser.goOffline();
            browser.waitForLiveCheck("Offline: this device has no network connection.");
            browser.goOnline();
            browser.waitForLiveCheck("Live connection OK");
        }
    }

    private static List<String> titles(JsonNode agenda) {
        List<String> titles = new ArrayList<>();
        agenda.forEach(item -> titles.add(item.path("title").asText()));
        return titles;
    }

    /** Whether the button with this text lies wholly inside the window as it is scrolled now. */
    static boolean inView(Browser browser, String text) {
        WebElement button = browser.waitFor(By.xpath("//main//button[normalize-space()='" + text + "']"));
        return (Boolean) browser.script(
                "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;", button);
    }
}
