package org.colearn.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.colearn.server.buddies.SixSites;
import org.colearn.server.testing.Browser;
import org.colearn.server.testing.BrowserServer;
import org.colearn.server.testing.LivePage;
import org.colearn.server.testing.People;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * A buddy meet in real headless Chromium: Ashford's lead meets Bromley in the pair's room with the pair's planned
 * visit on screen, agrees a next step and hears the two-minute warning and the end; Canterbury's lead, whose pair is
 * not active, is told why they stay in the plenary; the facilitator sees the pair's room and its count of steps but
 * not the steps. Afterwards the step is in the pair's space, where either site marks it done, beside the partner
 * site's people. Every view passes axe-core.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BuddyMeetBrowserIT {

    private static final String STEP = "Send Bromley our screening audit sheet";
    private static final By MEET = LivePage.section("Buddy meet");
    private static final By ANNOUNCEMENTS = By.xpath("//colearn-activity-buddy-meet/div[@aria-live='polite']");

    @RegisterExtension
    static final BrowserServer server = new BrowserServer();

    @Test
    void aPairMeetsInItsRoomAroundItsOpenItemsWhileOthersSeeOnlyWhatTheyMay() {
        SixSites kent = SixSites.withProfiles(server.api(), "Meet");
        kent.publishedRound("Autumn");
        String ab = kent.activate("Ashford");
        LocalDate today = LocalDate.ofInstant(server.clock().instant(), ZoneOffset.UTC);
        String visit = kent.planVisit(ab, "Ashford", "Bromley", today.plusDays(53));
        String page = "/sessions/" + People.session(kent.facilitator, kent.collaborative, "Learning session 3", 60, List.of(Map.of(
                "title", "Buddy meet", "activityType", "buddy-meet", "plannedMinutes", 20,
                "config", Map.of("minutes", 20, "prompt", "What has each of us tried since we last met?"))));

        try (Browser fiona = server.loggedIn("meet.facilitator@example.nhs.uk", page);
                Browser ashford = server.loggedIn("meet.ashford.lead@example.nhs.uk", page);
                Browser canterbury = server.loggedIn("meet.canterbury.lead@example.nhs.uk", page)) {
            for (Browser browser : List.of(fiona, ashford, canterbury)) {
                browser.waitForTextIn(LivePage.CONNECTION, "Connected");
            }
            fiona.press("Start session");
            fiona.press("Go to item 1: Buddy meet");

            ashford.waitForTextIn(MEET, visit);
            ashford.waitForTextIn(MEET, "What has each of us tried since we last met?");
            ashford.fill("A next step we agreed", STEP);
            ashford.press("Add step");
            String room = ashford.waitForTextIn(MEET, STEP + " (Meet Ashford Lead)");
            assertFalse(room.contains("null") || room.contains("undefined"), room);
            assertEquals("", ashford.field("A next step we agreed").getDomProperty("value"), "the form is empty again once the step is in");
            ashford.assertAccessible("a pair member's buddy meet room with a step agreed");
            ashford.screenshot("buddy-meet-pair-room");

            String plenary = canterbury.waitForTextIn(MEET, "Your site has no buddy pair yet");
            assertFalse(plenary.contains("Ashford visits Bromley") || plenary.contains(STEP), plenary);
            canterbury.assertAccessible("the buddy meet for someone whose site has no active pair");

            String overview = fiona.waitForTextIn(MEET, "1 next step agreed, 0 done.");
            assertFalse(overview.contains("Ashford visits Bromley") || overview.contains(STEP), overview);
            fiona.waitForTextIn(MEET, "The pair keeps its items and steps to itself.");
            fiona.assertAccessible("the facilitator's buddy meet overview");
            fiona.script("arguments[0].scrollIntoView()", fiona.waitFor(MEET));
            fiona.screenshot("buddy-meet-facilitator");

            server.clock().advance(Duration.ofMinutes(18).plusSeconds(5));
            ashford.waitForTextContent(ANNOUNCEMENTS, "Two minutes left in the buddy meet.");
            ashford.waitForTextIn(MEET, "Less than two minutes left");
            fiona.press("Finish now");
            ashford.waitForTextContent(ANNOUNCEMENTS, "The buddy meet has ended. Everyone is back in the plenary.");
            // The kept result counts the pair's steps but, the pair keeping them to itself, does not hold them.
            fiona.press("Download Markdown of Buddy meet");
            String kept = fiona.waitForDownload("buddy-meet.md");
            assertTrue(kept.contains("1 next step agreed") && kept.contains("The pair keeps its steps to itself.") && !kept.contains(STEP),
                    () -> "the buddy meet's result: " + kept);
            ashford.waitForTextIn(MEET, STEP);
            ashford.assertAccessible("a pair member's buddy meet after the end");

            // The step stays with the pair, in its space, beside the partner site's people; either site marks it done.
            ashford.visit(server.baseUrl() + "#/collaboratives/" + kent.collaborative + "/buddies/spaces/" + ab);
            ashford.waitForHeading("Ashford and Bromley");
            String steps = ashford.waitForTextIn(Browser.section("Next steps (1 open)"), STEP);
            assertTrue(steps.contains("by Meet Ashford Lead"), steps);
            String people = ashford.waitForTextIn(Browser.section("People at Bromley, your buddy site"), "Meet Bromley Lead");
            assertTrue(people.contains("Meet Bromley Lead – Nurse, Site lead"), people);
            assertTrue(people.contains("write a note in this space") && !people.contains("@"), people);
            ashford.assertAccessible("the pair's space with its next step and the partner site's people");
            ashford.screenshot("buddy-pair-space-steps");
            ashford.press("Mark done: " + STEP);
            ashford.waitForStatus("Done: " + STEP);
            ashford.waitFor(Browser.section("Next steps (0 open)"));
            assertEquals("Next steps (0 open)", ashford.focused().getText(), "the focus stays in the steps");
            ashford.press("Write a note to Bromley");
            assertEquals("Note", ashford.focused().getAccessibleName(), "the note form is where the pair writes to Bromley");
        }
        try (Browser bromley = server.loggedIn("meet.bromley.lead@example.nhs.uk",
                "/collaboratives/" + kent.collaborative + "/buddies/spaces/" + ab)) {
            String seen = bromley.waitForTextIn(Browser.section("Next steps (0 open)"), STEP);
            assertTrue(seen.contains("marked by Meet Ashford Lead"), seen);
            bromley.press("Open again: " + STEP);
            bromley.waitFor(Browser.section("Next steps (1 open)"));
            bromley.assertAccessible("the other site's view of the pair's steps");
        }
    }
}
