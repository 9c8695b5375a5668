package org.colearn.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * A learning session as four people live it, each in a browser of their own: a facilitator runs a poll and reveals
 * it, then sends three participants from three sites into breakout rooms, where they talk in their room's own chat,
 * ask for help and get moved; one drops off the network and catches up; the rooms close and everyone is back in the
 * plenary.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LiveSessionWithFourPeopleBrowserIT {

    private static final By POLL = Browser.section("Poll");
    private static final By YOUR_ROOM = Browser.section("Your breakout room");
    private static final By ROOM_CHAT = By.xpath("//main//section[h2[normalize-space()='Your breakout room']]//*[@aria-label='Room chat messages']");
    private static final By ROOM_CHAT_TEXTS = By.xpath(
            "//main//section[h2[normalize-space()='Your breakout room']]//p[contains(@class, 'chat__text')]");
    private static final By ROOMS = Browser.section("Breakout rooms");
    private static final By VISIT = By.xpath("//main//section[h3[starts-with(normalize-space(), 'Visiting')]]");
    private static final By HELP = By.xpath("//main//section[h3[starts-with(normalize-space(), 'Help requests')]]");

    @RegisterExtension
    static final BrowserServer server = new BrowserServer();

    @Test
    void threeSitesVoteThenTalkInBreakoutRoomsAskForHelpGetMovedAndComeBackToThePlenary() {
        Api api = server.api();
        Api fiona = api.as(People.signUp(api, "Fiona Facilitator"));
        String collaborative = People.collaborative(fiona, "Kent and Medway sepsis collaborative");
        String code = People.invitation(fiona, collaborative, "participant");
        People.join(api.as(People.signUp(api, "Ann Lee")), code, People.site(fiona, collaborative, "Ashford", "trust"), "nurse");
        People.join(api.as(People.signUp(api, "Ben Carter")), code, People.site(fiona, collaborative, "Maidstone", "trust"), "doctor");
        People.join(api.as(People.signUp(api, "Cara Singh")), code, People.site(fiona, collaborative, "Sevenoaks", "gp_practice"), "manager");
        String page = "/sessions/" + People.session(fiona, collaborative, "Learning session 4", 90, List.of(
                Map.of("title", "Which change first?", "activityType", "poll", "plannedMinutes", 5, "config", Map.of(
                        "question", "Which change will you test first?",
                        "options", List.of("Screening in triage", "Sepsis six within the hour"),
                        "multipleChoice", false,
                        "anonymous", false)),
                LiveClient.agendaItem("Breakouts: plan your first test", "plenary", 30)));

        List<Browser> opened = new ArrayList<>();
        try {
            Browser facilitator = open(opened, "fiona.facilitator@example.nhs.uk", page);
            Browser ann = open(opened, "ann.lee@example.nhs.uk", page);
            Browser ben = open(opened, "ben.carter@example.nhs.uk", page);
            Browser cara = open(opened, "cara.singh@example.nhs.uk", page);
            List<Browser> participants = List.of(ann, ben, cara);
            for (Browser browser : opened) {
                browser.waitForTextIn(LivePage.CONNECTION, "Connected");
            }
            facilitator.waitForText("Who is here (4)");

            // A poll: everyone votes, the facilitator reveals the results, and every participant sees them.
            facilitator.press("Start session");
            facilitator.press("Go to item 1: Which change first?");
            vote(ann, "Screening in triage");
            vote(ben, "Screening in triage");
            vote(cara, "Sepsis six within the hour");
            facilitator.waitForTextIn(POLL, "3 voted.");
            facilitator.press("Reveal results");
            for (Browser participant : participants) {
                String results = participant.waitForTextIn(POLL, "The results are shown to everyone.").replaceAll("\\s+", " ");
                assertTrue(
                        results.contains("Screening in triage 2 votes, 67%") && results.contains("Sepsis six within the hour 1 vote, 33%"),
                        () -> "every participant sees the counts and shares of the voters once revealed: " + results);
            }
            facilitator.press("Go to item 2: Breakouts: plan your first test");
            ann.waitUntilGone(POLL);

            // Two rooms: the three sites are dealt out, Ashford and Sevenoaks together, Maidstone on its own.
            facilitator.fill("Number of rooms", "2");
            facilitator.press("Open rooms");
            ann.waitForStatus("You are now in Room 1 with Cara Singh (Sevenoaks).");
            cara.waitForStatus("You are now in Room 1 with Ann Lee (Ashford).");
            ben.waitForStatus("You are now in Room 2. Nobody else is in it yet.");
            String annRoom = ann.waitForTextIn(YOUR_ROOM, "Room 1");
            assertTrue(annRoom.contains("Ann Lee, Ashford (you)") && annRoom.contains("Cara Singh, Sevenoaks"),
                    () -> "Ann's room panel shows who is in it, with their sites: " + annRoom);
            String overview = facilitator.waitForTextIn(ROOMS, "In the plenary (0)");
            assertTrue(overview.contains("Room 1\n2 people") && overview.contains("Room 2\n1 person"),
                    () -> "the facilitator sees every room with its people: " + overview);
            ann.assertAccessible("a participant in a breakout room");
            facilitator.assertAccessible("the facilitator's page with breakout rooms open");

            // Room chat reaches the room (and facilitators), not the other room.
            ann.fill("Message to your room", "Ashford screens in triage already");
            ann.press("Send to room");
            cara.waitForTextIn(ROOM_CHAT, "Ashford screens in triage already");
            ben.fill("Message to your room", "Maidstone starts on the wards");
            ben.press("Send to room");
            ben.waitForTextIn(ROOM_CHAT, "Maidstone starts on the wards");
            assertFalse(ben.waitFor(YOUR_ROOM).getText().contains("Ashford screens"),
                    "a message in Room 1 never reaches Room 2 (Ben's own later message has arrived, so it would have too)");
            assertFalse(ben.mainText().contains("Ashford screens"), "nor does it show in the chat for everyone");

            // Help from Room 2: the facilitator sees who asked, goes there, and marks it handled.
            ben.fill("What do you need? (optional)", "How do we measure time to antibiotics?");
            ben.press("Request help");
            ben.waitForTextIn(YOUR_ROOM, "A facilitator will come to your room.");
            String help = facilitator.waitForTextIn(HELP, "Ben Carter (Maidstone) in Room 2");
            assertTrue(help.contains("How do we measure time to antibiotics?") && help.startsWith("Help requests (1 waiting)"),
                    () -> "the facilitator sees the help request with its message: " + help);
            facilitator.press("Go to Room 2 for Ben Carter");
            facilitator.waitForTextIn(VISIT, "Maidstone starts on the wards");
            facilitator.fill("Message to Room 2", "Fiona here: start with the door-to-needle time");
            facilitator.press("Send to room");
            ben.waitForTextIn(ROOM_CHAT, "Fiona here: start with the door-to-needle time");
            ben.screenshot("breakout-room-as-participant");
            facilitator.screenshot("breakout-rooms-as-facilitator");
            facilitator.press("Mark handled: Ben Carter, Room 2");
            String handled = facilitator.waitForTextIn(HELP, "Help requests (0 waiting)");
            assertTrue(handled.contains("Handled by Fiona Facilitator"), () -> "the list says who handled it: " + handled);
            ben.waitForTextIn(YOUR_ROOM, "Your help request was handled by Fiona Facilitator.");
            ben.waitForTextContent(By.cssSelector("[aria-live=assertive]"), "Your help request was handled by Fiona Facilitator.");

            // The facilitator moves Cara to Room 2: she, her old roommate and her new one all see it.
            facilitator.choose("Move Cara Singh to", "Room 2");
            facilitator.press("Move Cara Singh");
            cara.waitForStatus("You are now in Room 2 with Ben Carter (Maidstone).");
            String caraRoom = cara.waitForTextIn(YOUR_ROOM, "Fiona here: start with the door-to-needle time");
            assertTrue(caraRoom.contains("Maidstone starts on the wards"), () -> "someone moved in reads the room's chat so far: " + caraRoom);
            assertFalse(caraRoom.contains("Ashford screens"), () -> "and never her old room's: " + caraRoom);
            facilitator.waitForStatus("Cara Singh (Sevenoaks) moved to Room 2.");
            assertEquals("Move Cara Singh", facilitator.focused().getAccessibleName(),
                    "the focus follows the person moved, to her row in her new room");
            ben.waitForStatus("Cara Singh (Sevenoaks) has joined your room.");
            ann.waitForStatus("Cara Singh (Sevenoaks) has left your room.");
            assertFalse(ann.waitFor(YOUR_ROOM).getText().contains("Cara Singh"), "Ann's room no longer lists Cara");

            // Ann drops off the network; a broadcast and a message in her room go out meanwhile.
            ann.goOffline();
            ann.waitForTextIn(LivePage.CONNECTION, "Reconnecting…");
            facilitator.fill("Broadcast a message", "Five minutes left in your rooms");
            facilitator.press("Broadcast");
            ben.waitForTextIn(LivePage.BROADCAST, "Five minutes left in your rooms");
            facilitator.press("Visit Room 1");
            facilitator.fill("Message to Room 1", "Ann, write down your aim before we come back");
            facilitator.press("Send to room");
            facilitator.waitForTextIn(VISIT, "Ann, write down your aim before we come back");
            assertFalse(ann.mainText().contains("Five minutes left"), "offline, Ann has not seen the broadcast yet");
            ann.goOnline();
            ann.waitForTextIn(LivePage.CONNECTION, "Connected");
            ann.waitForTextIn(LivePage.BROADCAST, "Five minutes left in your rooms");
            ann.waitForTextIn(ROOM_CHAT, "Ann, write down your aim before we come back");
            assertEquals(
                    List.of("Ashford screens in triage already", "Ann, write down your aim before we come back"),
                    ann.texts(ROOM_CHAT_TEXTS),
                    "after reconnecting Ann has her room's messages exactly once, in order");

            // The rooms close: everyone is back in the plenary, and Ann's focus is not lost with her room's chat box.
            ann.field("Message to your room").click();
            facilitator.press("Close all rooms");
            assertEquals("Yes, close all rooms", facilitator.focused().getText(), "closing asks once more, with the focus on the answer");
            facilitator.press("Yes, close all rooms");
            for (Browser participant : participants) {
                participant.waitForStatus("Breakouts closed: you are back in the plenary.");
                participant.waitUntilGone(YOUR_ROOM);
            }
            assertEquals(ann.waitFor(By.xpath("//main//h2[normalize-space()='Now']")), ann.focused(), "the focus goes from the closed room's chat box to the Now panel");
            facilitator.waitForTextIn(ROOMS, "Number of rooms");
        } finally {
            opened.forEach(Browser::close);
        }
    }

    private static Browser open(List<Browser> opened, String email, String page) {
        Browser browser = server.loggedIn(email, page);
        opened.add(browser);
        browser.waitForHeading("Learning session 4");
        return browser;
    }

    private static void vote(Browser participant, String answer) {
        participant.waitForTextIn(POLL, "Which change will you test first?");
        participant.waitFor(By.xpath("//main//label[normalize-space()='" + answer + "']")).click();
        participant.press("Vote");
        participant.waitForTextIn(POLL, "Change my vote");
    }
}
