package org.colearn.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.colearn.server.buddies.SixSites;
import org.colearn.server.testing.Browser;
import org.colearn.server.testing.BrowserServer;
import org.colearn.server.testing.People;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Buddy pairings in a real headless Chromium: a facilitator pairs six sites and publishes, two site leads accept,
 * both sides of the pair check in, and a third site's lead cannot see the pair's space. Every page passes axe-core.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class BuddyPairingBrowserIT {

    private static final String PAIRS = "Pairs in this round";

    @RegisterExtension
    static final BrowserServer server = new BrowserServer();

    @Test
    void aSiteWithoutALeadIsFlaggedBeforeTheRunAndOnThePairItIsProposedIn() {
        SixSites kent = SixSites.withProfiles(server.api(), "Leadless");
        String gravesend = People.site(kent.facilitator, kent.collaborative, "Gravesend", "trust");
        assertEquals(200, kent.facilitator.put(kent.path("profiles/" + gravesend), Map.of(
                "offers", List.of("AKI alerts"), "wants", List.of("Sepsis screening"), "capacity", 2)).status());
        String round = kent.round("Winter");

        try (Browser fiona = server.loggedIn("leadless.facilitator@example.nhs.uk",
                "/collaboratives/" + kent.collaborative + "/buddies/rounds/" + round)) {
            fiona.waitForHeading("Winter");
            fiona.waitForText("Gravesend has no site lead: nobody can accept a pair with Gravesend until a lead joins. Invite one before you publish.");
            fiona.assertAccessible("a pairing round with a site that has no lead");
            fiona.press("Run pairing");
            fiona.waitForStatus("pairs proposed.");
            fiona.waitForText("Gravesend has no site lead: nobody can accept this pair until it has one");
            fiona.waitForText("1 of them cannot be accepted until each of its sites has a lead: see the warnings in the table.");
            fiona.assertAccessible("a proposed pair flagged for its site without a lead");
        }
    }

    @Test
    void facilitatorPairsSixSitesTheLeadsAcceptAndThePairsSpaceStaysWithThePair() {
        SixSites kent = SixSites.withProfiles(server.api(), "Browser");
        String buddies = "/collaboratives/" + kent.collaborative + "/buddies";
        String roundPage;

        try (Browser fiona = server.loggedIn("browser.facilitator@example.nhs.uk", buddies)) {
            fiona.waitForHeading("Buddy pairings");
            fiona.waitForText("No pairing rounds yet.");
            fiona.assertAccessible("the facilitator's buddy pairings page");
            fiona.fill("Round name", "Autumn action period");
            fiona.press("Start round");
            fiona.waitForHeading("Autumn action period");
            fiona.waitForStatus("Round Autumn action period started.");
            roundPage = fiona.url().substring(fiona.url().indexOf('#') + 1);

            fiona.press("Run pairing");
            fiona.waitForStatus("3 pairs proposed.");
            fiona.waitUntilRowCount(PAIRS, 3);
            List<String> ashfordBromley = fiona.waitForRow(PAIRS, "Ashford and Bromley");
            assertEquals("Proposed (not published)", ashfordBromley.get(1));
            assertTrue(ashfordBromley.get(2).contains("mutual learning 30"), ashfordBromley.get(2));
            String reasons = ashfordBromley.get(3);
            assertTrue(reasons.contains("Ashford offers Sepsis screening, which Bromley wants"), reasons);
            assertTrue(reasons.contains("Bromley offers AKI alerts, which Ashford wants"), reasons);
            assertTrue(reasons.matches("(?s).*\\d+ km apart.*both at stage 2.*"), reasons);
            fiona.waitForRow(PAIRS, "Canterbury and Dartford");
            fiona.waitForRow(PAIRS, "Eastbourne and Folkestone");
            assertEquals(3L, fiona.script("return document.querySelectorAll('svg.buddy-map line').length"), "the map draws the three pairs");
            assertEquals(6L, fiona.script("return document.querySelectorAll('svg.buddy-map circle').length"), "and the six sites");
            fiona.assertAccessible("the pairing page with three proposed pairs and the map");
            fiona.screenshot("buddy-pairing-proposed");

            fiona.choose("Site", "Bromley (now with Ashford)");
            fiona.choose("Swap with", "Dartford (now with Canterbury)");
            fiona.press("Swap");
            fiona.waitForStatus("The two sites are swapped and both pairs pinned.");
            List<String> swapped = fiona.waitForRow(PAIRS, "Ashford and Dartford");
            assertTrue(swapped.get(3).contains("neither offers what the other wants"), swapped.get(3));
            for (String pair : List.of("Ashford and Dartford", "Canterbury and Bromley")) {
                WebElement pin = fiona.waitFor(By.cssSelector("button[aria-label='Pin " + pair + "']"));
                assertEquals("true", pin.getDomAttribute("aria-pressed"), "a swapped pair is pinned");
                pin.click();
                fiona.waitForStatus(pair + " is no longer pinned.");
            }
            fiona.press("Run pairing again");
            fiona.waitForStatus("3 pairs proposed.");
            fiona.waitForRow(PAIRS, "Ashford and Bromley");
            fiona.waitUntilRowCount(PAIRS, 3);

            fiona.press("Publish pairs");
            fiona.waitForStatus("3 pairs published to the site leads.");
            assertEquals("Waiting for the site leads", fiona.waitForRow(PAIRS, "Ashford and Bromley").get(1));
        }

        try (Browser ashford = server.loggedIn("browser.ashford.lead@example.nhs.uk", buddies)) {
            ashford.waitForHeading("Buddy pairings");
            ashford.press("Edit the buddy profile of Ashford");
            ashford.waitForHeading("Buddy profile of Ashford");
            assertEquals("Sepsis screening", ashford.field("What your site can offer").getDomProperty("value"));
            ashford.assertAccessible("a site lead's buddy profile form");
            List<String> regions = new Select(ashford.field("Region")).getOptions().stream().map(WebElement::getText).toList();
            assertTrue(regions.containsAll(List.of("South East", "NHS Grampian", "NHS Highland", "Betsi Cadwaladr University Health Board",
                    "Belfast Health and Social Care Trust")), () -> "the regions tell the four nations' boards and trusts apart: " + regions);
            ashford.choose("Region", "South East");
            ashford.fill("Latitude (optional)", "51,146");
            ashford.fill("Longitude (optional)", "0,875");
            ashford.fill("How many buddies can your site take on?", "2");
            ashford.press("Save profile");
            ashford.waitForStatus("Profile saved for Ashford.");
            JsonNode saved = kent.leads.get("Ashford").get(kent.profilePath("Ashford")).json();
            assertEquals(List.of("South East", "51.146", "0.875"), List.of(saved.path("region").asText(), saved.path("latitude").asText(),
                    saved.path("longitude").asText()), () -> "decimal commas are read as decimal points: " + saved);

            ashford.press("Buddy pairings");
            ashford.waitForHeading("Buddy pairings");
            ashford.waitForText("Ashford and Bromley");
            ashford.waitForText("Bromley offers AKI alerts, which Ashford wants");
            ashford.assertAccessible("a site lead's published pair");
            ashford.press("Accept");
            ashford.waitForStatus("You accepted the pair with Bromley.");
            ashford.waitForText("Your site accepted this pair.");
        }

        try (Browser bromley = server.loggedIn("browser.bromley.lead@example.nhs.uk", buddies)) {
            bromley.waitForHeading("Buddy pairings");
            bromley.press("Accept");
            bromley.waitForStatus("You accepted the pair with Ashford.");
            bromley.press("Open the pair's space");
            bromley.waitForHeading("Ashford and Bromley");
            bromley.fill("What your site gave", "AKI e-alert training slides");
            bromley.fill("What your site got", "Their sepsis screening audit sheet");
            bromley.press("Record check-in");
            bromley.waitForStatus("Check-in recorded.");
            assertEquals("AKI e-alert training slides", bromley.waitForRow("Check-ins of this pair", "Bromley").get(1));
            bromley.assertAccessible("the pair's space");
        }

        String space;
        try (Browser ashford = server.loggedIn("browser.ashford.lead@example.nhs.uk", buddies)) {
            ashford.waitForHeading("Buddy pairings");
            ashford.press("Open the pair's space");
            ashford.waitForHeading("Ashford and Bromley");
            space = ashford.url().substring(ashford.url().indexOf('#') + 1);
            ashford.fill("What your site gave", "Our sepsis screening audit sheet");
            ashford.fill("What your site got", "A walk through their AKI alert pathway");
            ashford.press("Record check-in");
            ashford.waitForStatus("Check-in recorded.");
            ashford.waitUntilRowCount("Check-ins of this pair", 2);
            assertEquals(List.of("Ashford", "1", "1"), ashford.waitForRow("What each site gave and got", "Ashford"));
            assertEquals(List.of("Bromley", "1", "1"), ashford.waitForRow("What each site gave and got", "Bromley"));
            ashford.assertAccessible("the pair's space with a check-in from each side");
            ashford.screenshot("buddy-pair-space");
            ashford.waitForText("No stories for this pair yet.");
            // A draft left for the whole collaborative: the pair's link still asks for a story for the pair.
            assertEquals(201, kent.leads.get("Ashford").post("collaboratives/" + kent.collaborative + "/story-drafts",
                    Map.of("content", Map.of("title", "Half a story", "visibility", "collaborative"))).status());
            ashford.press("Write a story for our pair");
            ashford.waitForHeading("Share a failure story");
            assertEquals("Half a story", ashford.field("Title").getDomProperty("value"), "the draft is back");
            assertEquals("pair", ashford.field("Who can read it?").getDomProperty("value"), "the story is for the pair");
        }

        try (Browser canterbury = server.loggedIn("browser.canterbury.lead@example.nhs.uk", space)) {
            canterbury.waitForHeading("Not found");
            String shown = canterbury.mainText();
            assertTrue(!shown.contains("AKI e-alert") && !shown.contains("Ashford and Bromley"), shown);
            canterbury.assertAccessible("a pair's space refused to a third site's lead");
            canterbury.visit(server.baseUrl() + "#" + buddies);
            canterbury.waitForHeading("Buddy pairings");
            canterbury.waitForText("Canterbury and Dartford");
            assertTrue(!canterbury.mainText().contains("Ashford and Bromley"), "another site's pair is not listed");
            canterbury.fill("Reason, if you decline (optional)", "Our team is moving wards until March");
            canterbury.press("Decline");
            canterbury.waitForStatus("You declined the pair with Dartford.");
        }

        // Run again after the decline, the round leaves the two sites out and says why, in plain words.
        try (Browser fiona = server.loggedIn("browser.facilitator@example.nhs.uk", roundPage)) {
            fiona.waitForHeading("Autumn action period");
            assertEquals("Declined. Canterbury declined: “Our team is moving wards until March”", fiona.waitForRow(PAIRS, "Canterbury and Dartford").get(1));
            fiona.press("Run pairing again");
            fiona.waitForStatus("left out: see below.");
            fiona.waitForText("Canterbury could not be placed: it declined Dartford in this round");
            assertTrue(!fiona.mainText().contains("every possible partner is excluded"), fiona.mainText());
            fiona.assertAccessible("a pairing round run again after a site declined");
        }
    }
}
