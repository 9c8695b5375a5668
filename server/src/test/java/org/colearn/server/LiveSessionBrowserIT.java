package org.colearn.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The live session pages in real headless Chromium against a real server: a facilitator plans a session and runs it,
 * participants in browsers of their own follow the agenda, chat and read broadcasts, and one who drops off the
 * network catches up on exactly what they missed. Collaboratives, sites and people are set up through the REST API.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LiveSessionBrowserIT {

    private static final String SESSIONS = "Learning sessions of this collaborative";
    private static final By NOW = LivePage.NOW;
    private static final By CHAT = LivePage.CHAT;
    private static final By CHAT_MESSAGES = By.xpath("//main//section[h2[normalize-space()='Chat']]//li");
    private static final By CHAT_TEXTS = By.cssSelector("main .chat__msg .chat__text");
    private static final By WHO_IS_HERE = LivePage.WHO_IS_HERE;
    private static final By CURRENT_ITEM = By.xpath("//main//li[@aria-current='step']");
    private static final By BROADCAST = LivePage.BROADCAST;
    private static final By CONNECTION = LivePage.CONNECTION;
    private static final By COUNTDOWN = By.xpath("//main//*[@role='timer']");

    @RegisterExtension
    static final BrowserServer server = new BrowserServer();

    @Test
    void facilitatorPlansASessionOnTheCollaborativePageThenRunsItsTimerAndEndsIt() {
        Api api = server.api();
        Api priya = api.as(People.signUp(api, "Priya Facilitator"));
        String collaborative = People.collaborative(priya, "Medway kidney injury collaborative");

        try (Browser browser = server.loggedIn("priya.facilitator@example.nhs.uk", "/collaboratives/" + collaborative)) {
            browser.waitForHeading("Medway kidney injury collaborative");
            browser.waitForText("No learning sessions yet. Plan the first one below.");

            browser.press("Add item to agenda");
            browser.waitForText("Item title must be filled in");
            assertEquals(browser.field("Item title"), browser.focused(), "an agenda item without a title sends the focus to its title");
            browser.fill("Item title", "Welcome and aims");
            browser.choose("Activity", "Plenary");
            browser.fill("Planned minutes", "10");
            browser.press("Add item to agenda");
            browser.waitForStatus("Added to the agenda: Welcome and aims, Plenary, 10 minutes. The agenda has 1 item.");
            browser.fill("Item title", "World café: what worked");
            browser.choose("Activity", "World café");
            browser.fill("Planned minutes", "45");
            browser.pressKey(Keys.ENTER);
            browser.waitForStatus("The agenda has 2 items.");

            browser.fill("Session title", "Learning session 1");
            browser.fillDate("Date", "2027-01-12");
            browser.fillDate("Start time", "09:30");
            browser.fill("Length in minutes", "120");
            browser.waitForText("2 items: 55 minutes planned of 2 hours.");
            browser.assertAccessible("the form that plans a learning session, with two agenda items");
            browser.press("Plan session");
            browser.waitForStatus("Learning session planned: Learning session 1.");
            assertEquals(
                    List.of("Learning session 1", "Tue, 12 Jan 2027, 09:30", "2 hours", "2 items, 55 minutes",
                            "Add to calendar (.ics)\n: Learning session 1"),
                    browser.waitForRow(SESSIONS, "Learning session 1"));
            JsonNode planned = priya.get("collaboratives/" + collaborative + "/sessions").json().get(0);
            assertEquals("world-cafe", planned.path("agenda").get(1).path("activityType").asText(), planned::toString);
            browser.assertAccessible("a collaborative with a learning session");

            browser.press("Learning session 1");
            WebElement heading = browser.waitForHeading("Learning session 1");
            assertEquals(heading, browser.focused(), "after a route change the page's h1 has the focus");
            browser.waitForTextIn(LivePage.CONNECTION, "Connected");
            browser.waitForTextIn(NOW, "The session has not started. Start it when people have joined.");
            browser.assertAccessible("a learning session before it starts, as its facilitator sees it");
            browser.press("Add to calendar (.ics)");
            String ics = browser.waitForDownload("learning-session-1.ics");
            assertTrue(ics.contains("BEGIN:VEVENT") && ics.contains("SUMMARY:Learning session 1"), () -> "the session's calendar file: " + ics);
            browser.waitForStatus("The session is downloaded as a calendar file");

            try (Browser tablet = server.loggedIn("priya.facilitator@example.nhs.uk", browser.url().replaceFirst("^.*#", ""))) {
                tablet.waitForTextIn(LivePage.CONNECTION, "Connected");
                tablet.goOffline();
                tablet.waitForTextIn(LivePage.CONNECTION, "Reconnecting…");
                tablet.waitForLiveCheck("Offline: this device has no network connection.");
                assertFalse(tablet.liveCheck().contains("OK"), "the header says what the page says: no connection");
                tablet.press("Start session");
                tablet.waitForText("Waiting for the connection: this will be sent when it is back.");
                browser.press("Start session");
                browser.waitForTextIn(NOW, "The session is live. Open the first item when people are ready.");
                tablet.goOnline();
                tablet.waitForStatus("The session has already started.");
                tablet.waitForLiveCheck("Live connection OK");
                // Start session was in the Now bar; once the session is live, its place there holds the next item.
                WebElement next = tablet.waitFor(By.xpath("//main//button[normalize-space()='Next item']"));
                String[] describedBy = next.getDomAttribute("aria-describedby").split(" ");
                assertEquals(
                        "The session has already started.",
                        tablet.waitFor(By.id(describedBy[describedBy.length - 1])).getText(),
                        "the start sent from the tablet while it was offline is refused, in words, beside the control");
            }
            browser.press("Go to item 1: Welcome and aims");
            browser.waitForStatus("Now: Welcome and aims");
            assertTrue(browser.waitForTextIn(CURRENT_ITEM, "Welcome and aims").contains("Now"), "the current item is marked Now");
            String countdown = browser.waitForTextIn(COUNTDOWN, "left");
            assertTrue(countdown.matches("(10:00|9:5\\d) left"), () -> "a ten minute item counts down from 10:00, but shows " + countdown);
            assertEquals("off", browser.waitFor(COUNTDOWN).getDomAttribute("aria-live"), "the ticking countdown is not read out every second");
            assertEquals("Agenda", browser.focused().getText(), "the pressed button is gone with its item's start; the focus stays in the agenda");

            server.clock().advance(Duration.ofMinutes(5).plusSeconds(1));
            browser.waitForStatus("5 minutes left for Welcome and aims.");
            browser.press("Pause timer");
            String paused = browser.waitForTextIn(COUNTDOWN, "Paused");
            assertTrue(paused.matches("Paused, 4:5\\d left"), () -> "the paused timer shows what is left by the server's clock: " + paused);
            assertEquals("Resume timer", browser.focused().getText(), "pausing puts the focus on resuming");
            browser.press("Resume timer");
            browser.waitForStatus("The timer of Welcome and aims runs again.");
            browser.press("Add 5 minutes");
            browser.waitForStatus("More time for Welcome and aims.");
            assertFalse(browser.waitFor(COUNTDOWN).getText().startsWith("Paused"));

            browser.press("End session");
            assertEquals("Yes, end the session", browser.focused().getText(), "ending asks once more, with the focus on the answer");
            browser.press("Yes, end the session");
            browser.waitForTextIn(NOW, "This session has ended.");
            browser.waitForTextIn(CHAT, "The session has ended, and so has its chat.");
            browser.assertAccessible("a learning session that has ended");
        }
    }

    @Test
    void participantsFollowTheFacilitatorChatReadBroadcastsAndCatchUpOnWhatTheyMissedOffline() {
        Api api = server.api();
        String fionaToken = People.signUp(api, "Fiona Facilitator");
        Api fiona = api.as(fionaToken);
        String collaborative = People.collaborative(fiona, "Kent sepsis collaborative");
        String ashford = People.site(fiona, collaborative, "Ashford", "trust");
        String maidstone = People.site(fiona, collaborative, "Maidstone Hospital", "trust");
        String sevenoaks = People.site(fiona, collaborative, "Sevenoaks Medical Centre", "gp_practice");
        People.placeMyself(fiona, collaborative, ashford);
        String code = People.invitation(fiona, collaborative, "participant");
        People.join(api.as(People.signUp(api, "Nadia Nurse")), code, maidstone, "nurse");
        People.join(api.as(People.signUp(api, "Omar Doctor")), code, sevenoaks, "doctor");
        Api.Reply created = fiona.post("collaboratives/" + collaborative + "/sessions", Map.of(
                "title", "Learning session 2",
                "startsAt", "2026-12-01T09:30:00Z",
                "durationMinutes", 180,
                "agenda", List.of(
                        LiveClient.agendaItem("Welcome", "plenary", 10),
                        LiveClient.agendaItem("World café: what worked", "world-cafe", 60),
                        LiveClient.agendaItem("Take-back plans", "failure-circle", 20))));
        assertEquals(201, created.status(), created::toString);
        String page = "/sessions/" + created.json().path("id").asText();

        try (Browser fionaBrowser = server.loggedIn("fiona.facilitator@example.nhs.uk", page);
                Browser nadia = server.loggedIn("nadia.nurse@example.nhs.uk", page);
                Browser omar = server.loggedIn("omar.doctor@example.nhs.uk", page)) {
            for (Browser browser : List.of(fionaBrowser, nadia, omar)) {
                browser.waitForHeading("Learning session 2");
                browser.waitForTextIn(LivePage.CONNECTION, "Connected");
            }
            nadia.waitForTextIn(NOW, "The session has not started yet.");
            assertFalse(nadia.mainText().contains("Start session"), "participants get no facilitator controls");
            String present = fionaBrowser.waitForTextIn(WHO_IS_HERE, "Who is here (3)");
            assertTrue(
                    present.contains("Maidstone Hospital 1 person\nNadia Nurse") && present.contains("Sevenoaks Medical Centre 1 person\nOmar Doctor"),
                    () -> "the facilitator sees who is here, by site: " + present);

            fionaBrowser.press("Start session");
            nadia.waitForTextIn(NOW, "The session is live.");
            fionaBrowser.press("Go to item 2: World café: what worked");
            for (Browser participant : List.of(nadia, omar)) {
                participant.waitForTextIn(CURRENT_ITEM, "World café: what worked");
                participant.waitForTextIn(NOW, "Item 2 of 3\nWorld café: what worked");
                participant.waitForStatus("Now: World café: what worked");
                participant.waitForTextIn(COUNTDOWN, "left");
            }

            nadia.fill("Message to everyone", "Our sepsis screening starts in triage now");
            nadia.press("Send");
            for (Browser other : List.of(fionaBrowser, omar)) {
                String message = other.waitForTextIn(CHAT, "Our sepsis screening starts in triage now");
                assertTrue(message.contains("Nadia Nurse, Maidstone Hospital"), () -> "a message shows its sender's name and site: " + message);
            }

            fionaBrowser.fill("Broadcast a message", "Back to the plenary in five minutes");
            fionaBrowser.press("Broadcast");
            for (Browser participant : List.of(nadia, omar)) {
                String banner = participant.waitForTextIn(LivePage.BROADCAST, "Back to the plenary in five minutes");
                assertTrue(banner.startsWith("Message from Fiona Facilitator"), () -> "the banner says who broadcast: " + banner);
            }
            nadia.assertAccessible("a live session as a participant sees it: current item, chat, broadcast and who is here");
            fionaBrowser.assertAccessible("a live session as its facilitator sees it");

            omar.goOffline();
            omar.waitForTextIn(LivePage.CONNECTION, "Reconnecting…");
            for (String text : List.of("Missed one: tables are in room 4", "Missed two: bring your run charts")) {
                fionaBrowser.fill("Message to everyone", text);
                fionaBrowser.pressKey(Keys.ENTER);
                nadia.waitForTextIn(CHAT, text);
            }
            assertFalse(omar.waitFor(CHAT).getText().contains("Missed"), "offline, Omar has not seen what Nadia has");
            omar.fill("Message to everyone", "Sent from the lift");
            omar.press("Send");
            omar.waitForTextIn(CHAT, "Waiting for the connection: this will be sent when it is back.");

            omar.goOnline();
            omar.waitForTextIn(LivePage.CONNECTION, "Connected");
            omar.waitForTextIn(CHAT, "Sent from the lift");
            List<String> expected = List.of(
                    "Our sepsis screening starts in triage now",
                    "Missed one: tables are in room 4",
                    "Missed two: bring your run charts",
                    "Sent from the lift");
            assertEquals(expected, omar.texts(CHAT_TEXTS), "after reconnecting Omar has every message exactly once, in order");
            fionaBrowser.waitForTextIn(CHAT, "Sent from the lift");
            assertEquals(expected, fionaBrowser.texts(CHAT_TEXTS), "the message Omar wrote offline arrived once");
            assertEquals(4, omar.texts(CHAT_MESSAGES).size());
            omar.waitForTextIn(CURRENT_ITEM, "World café: what worked");

            omar.resize(360, 800);
            assertEquals(0, omar.horizontalOverflow(), "on a 360 pixel wide phone nothing scrolls sideways");
            omar.assertAccessible("a live session on a phone");
            omar.screenshot("live-session-as-participant-on-a-phone");
            fionaBrowser.screenshot("live-session-as-facilitator");
        }
    }

    @Test
    void participantVotesInThePollThroughThePluginsOwnComponentUntilTheFacilitatorEndsTheItem() {
        Api api = server.api();
        Api grace = api.as(People.signUp(api, "Grace Facilitator"));
        String collaborative = People.collaborative(grace, "Surrey sepsis collaborative");
        String epsom = People.site(grace, collaborative, "Epsom Hospital", "trust");
        People.join(api.as(People.signUp(api, "Hugo Physio")), People.invitation(grace, collaborative, "participant"), epsom, "allied_health_professional");
        Api.Reply created = grace.post("collaboratives/" + collaborative + "/sessions", Map.of(
                "title", "Learning session 3",
                "startsAt", "2027-02-01T09:30:00Z",
                "durationMinutes", 60,
                "agenda", List.of(
                        Map.of("title", "Which change first?", "activityType", "poll", "plannedMinutes", 5, "config", Map.of(
                                "question", "Which change will you test first?",
                                "options", List.of("Screening in triage", "Sepsis six within the hour"),
                                "multipleChoice", false,
                                "anonymous", false)),
                        LiveClient.agendaItem("Take-back plans", "plenary", 20))));
        assertEquals(201, created.status(), created::toString);
        String page = "/sessions/" + created.json().path("id").asText();
        By poll = Browser.section("Poll");

        try (Browser graceBrowser = server.loggedIn("grace.facilitator@example.nhs.uk", page);
                Browser hugo = server.loggedIn("hugo.physio@example.nhs.uk", page)) {
            hugo.waitForTextIn(LivePage.CONNECTION, "Connected");
            graceBrowser.press("Start session");
            graceBrowser.press("Go to item 1: Which change first?");
            hugo.waitForTextIn(poll, "Which change will you test first?");
            hugo.waitFor(By.xpath("//main//label[normalize-space()='Sepsis six within the hour']")).click();
            hugo.press("Vote");
            hugo.waitForTextIn(poll, "1 voted.");
            hugo.waitForTextIn(poll, "Change my vote");
            String counts = graceBrowser.waitForTextIn(poll, "1 voted.");
            assertTrue(counts.replaceAll("\\s+", " ").contains("Sepsis six within the hour 1 vote, 100%"),
                    () -> "the facilitator sees the count and share of the answer Hugo chose: " + counts);
            hugo.assertAccessible("a poll running in a live session, as a participant sees it");

            graceBrowser.press("End this item");
            hugo.waitForTextIn(NOW, "Which change first? has ended. The facilitator will open the next item shortly.");
            hugo.waitUntilGone(poll);
            graceBrowser.waitForTextIn(NOW, "Go on with the next item.");
            graceBrowser.press("Go to item 2: Take-back plans");
            hugo.waitForTextIn(NOW, "Take-back plans");
        }
    }

    @Test
    void facilitatorPlansAPollThroughItsGeneratedSettingsAndThePollAsksWhatTheyTyped() {
        Api api = server.api();
        Api kim = api.as(People.signUp(api, "Kim Facilitator"));
        String collaborative = People.collaborative(kim, "Sussex deterioration collaborative");

        try (Browser browser = server.loggedIn("kim.facilitator@example.nhs.uk", "/collaboratives/" + collaborative)) {
            browser.waitForHeading("Sussex deterioration collaborative");
            browser.fill("Item title", "Pulse check");
            browser.choose("Activity", "Poll");
            browser.fill("Planned minutes", "5");
            browser.press("Add item to agenda");
            browser.waitForStatus("Its settings follow it in the agenda.");
            assertEquals(browser.field("Question"), browser.focused(), "adding a poll takes the focus to its question");
            assertEquals("How confident are you to try this change next week?", browser.field("Question").getDomProperty("value"),
                    "the settings start as the poll's defaults");
            assertEquals("Very\nSomewhat\nNot yet", browser.field("Options").getDomProperty("value"));
            assertTrue(browser.field("Anonymous").isSelected());
            browser.fill("Question", "Which NEWS2 change will you test first?");
            browser.field("Multiple choice").click();
            browser.fill("Session title", "Learning session 6");
            browser.fillDate("Date", "2027-03-02");
            browser.fillDate("Start time", "10:00");
            browser.fill("Length in minutes", "60");
            browser.assertAccessible("the form that plans a learning session, with a poll's settings");

            // A poll needs two answers at least: the server refuses the plan, and says so beside the answers.
            browser.fill("Options", "Escalation card");
            browser.press("Plan session");
            browser.waitForText("A poll needs 2 to 12 answers.");
            assertEquals("true", browser.field("Options").getDomAttribute("aria-invalid"), "the error is tied to the Options field");
            browser.assertAccessible("the planning form with an error in a poll's settings");
            browser.screenshot("planning-form-poll-settings-with-an-error");
            browser.fill("Options", "Escalation card\nHourly obs after a score of 5");
            browser.press("Plan session");
            browser.waitForStatus("Learning session planned: Learning session 6.");
            JsonNode config = kim.get("collaboratives/" + collaborative + "/sessions").json().get(0).path("agenda").get(0).path("config");
            assertEquals("Which NEWS2 change will you test first?", config.path("question").asText(), config::toString);
            assertEquals(List.of("Escalation card", "Hourly obs after a score of 5"),
                    List.of(config.path("options").get(0).asText(), config.path("options").get(1).asText()), config::toString);
            assertTrue(config.path("multipleChoice").asBoolean() && config.path("anonymous").asBoolean(), config::toString);

            browser.press("Learning session 6");
            browser.waitForTextIn(CONNECTION, "Connected");
            browser.press("Start session");
            browser.press("Go to item 1: Pulse check");
            browser.waitForTextIn(LivePage.section("Poll"), "Which NEWS2 change will you test first?");
            browser.waitForTextIn(LivePage.section("Poll"), "Hourly obs after a score of 5");
        }
    }
}
