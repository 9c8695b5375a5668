package org.colearn.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.colearn.server.buddies.SixSites;
import org.colearn.server.testing.Browser;
import org.colearn.server.testing.BrowserServer;
import org.colearn.server.testing.LivePage;
import org.colearn.server.testing.People;
import org.colearn.server.testing.SiteData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * A data review in real headless Chromium: Ashford, which does not share its data, is on the screen first; its nurse
 * sees the chart drawn as an SVG picture with its rules' sentence and data table, its limits starting again in April
 * where its team marked a change, presents it and notes what she takes
 * back, while Dartford's lead, outside Ashford's buddy pair, is told only that the site's data are not shared. The
 * facilitator brings Canterbury, which shares, to the screen and everyone sees its chart; the projector's presenter view
 * shows Canterbury's chart but not Ashford's. Every view passes axe-core.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DataReviewBrowserIT {

    private static final String MEASURE = "Sepsis screening within an hour";
    private static final By REVIEW = LivePage.section("Data review");
    private static final By CHART = By.cssSelector("colearn-activity-data-review svg[role='img']");
    private static final By PRESENT = By.cssSelector("main .present");
    private static final By ANNOUNCEMENTS = By.xpath("//colearn-activity-data-review/div[@aria-live='polite']");

    @RegisterExtension
    static final BrowserServer server = new BrowserServer();

    @Test
    void eachSitesChartComesToTheScreenInTurnAndAnUnsharedOneOnlyToThoseWhoMaySeeIt() {
        SixSites kent = SixSites.withProfiles(server.api(), "Review");
        String measure = SiteData.commonMeasure(kent.facilitator, kent.collaborative, MEASURE);
        SiteData.months(kent.leads.get("Ashford"), kent.collaborative, kent.siteIds.get("Ashford"), measure, 20, 24, 22, 30, 33, 35, 36, 37);
        SiteData.months(kent.leads.get("Canterbury"), kent.collaborative, kent.siteIds.get("Canterbury"), measure, 30, 31, 29, 30, 32, 31);
        SiteData.share(kent.leads.get("Canterbury"), kent.collaborative, kent.siteIds.get("Canterbury"));
        SiteData.changePoint(kent.leads.get("Ashford"), kent.collaborative, kent.siteIds.get("Ashford"), measure, "2026-04");
        String page = "/sessions/" + People.session(kent.facilitator, kent.collaborative, "Learning session 4", 60, List.of(Map.of(
                "title", "Our sepsis data", "activityType", "data-review", "plannedMinutes", 30, "config", Map.of("measure", MEASURE))));

        try (Browser fiona = server.loggedIn("review.facilitator@example.nhs.uk", page);
                Browser nadia = server.loggedIn("review.ashford.nurse@example.nhs.uk", page);
                Browser dartford = server.loggedIn("review.dartford.lead@example.nhs.uk", page)) {
            for (Browser browser : List.of(fiona, nadia, dartford)) {
                browser.waitForTextIn(LivePage.CONNECTION, "Connected");
            }
            fiona.press("Start session");
            fiona.press("Go to item 1: Our sepsis data");

            nadia.waitForTextIn(REVIEW, "Ashford (site 1 of 2)");
            String title = nadia.waitFor(CHART).findElement(By.tagName("title")).getDomProperty("textContent");
            assertEquals(MEASURE + " at Ashford", title);
            String sentence = nadia.waitFor(By.cssSelector("[data-testid='chart-summary']")).getText();
            assertFalse(sentence.isBlank(), "the rules' sentence is under the chart");
            assertEquals("The centre line and limits start again in April 2026, where Ashford's team marked a change.",
                    nadia.waitFor(By.cssSelector("[data-testid='change-points']")).getText());
            String table = nadia.waitForTextContent(By.cssSelector("colearn-activity-data-review details table"), "85.5%");
            assertTrue(table.contains("55%"),
                    "the centre is 66 of 120 before April and 171 of 200 from April, as on Ashford's chart page: " + table);
            nadia.press("We present our chart");
            nadia.waitForTextIn(REVIEW, "Presenting: Review Ashford Nurse");
            nadia.fill("What I take back from this site", "Keep the night count going");
            nadia.field("For my site (its members see it); otherwise only I see it").click();
            nadia.press("Note it");
            nadia.waitForTextIn(REVIEW, "Keep the night count going (from Ashford, for Ashford)");
            nadia.assertAccessible("a site member's data review with its chart, presented");
            nadia.screenshot("data-review-own-site");

            String outside = dartford.waitForTextIn(REVIEW, "This site's data are not shared");
            dartford.waitForTextIn(REVIEW, "Presenting: Review Ashford Nurse");
            assertTrue(dartford.texts(CHART).isEmpty(), "no chart of Ashford's for Dartford");
            assertFalse(outside.contains(sentence) || outside.contains("night count"), outside);
            dartford.assertAccessible("the data review of a site whose data are not shared");

            fiona.waitForTextIn(REVIEW, "has not shared its data with the collaborative");
            fiona.assertAccessible("the facilitator's data review");
            fiona.press("Next site");
            dartford.waitForTextContent(ANNOUNCEMENTS, "Now on the screen: Canterbury, site 2 of 2.");
            dartford.waitFor(CHART);
            dartford.fill("Your question to this site", "What did you change in March?");
            dartford.press("Ask");
            nadia.waitForTextIn(REVIEW, "What did you change in March? asked by Review Dartford Lead");
            dartford.assertAccessible("a shared site's chart with a question asked");
            dartford.screenshot("data-review-shared-site");

            fiona.openInNewTab(server.baseUrl() + "#" + page + "/present");
            fiona.waitForTextIn(PRESENT, "What did you change in March?");
            fiona.waitFor(By.cssSelector("main .present colearn-activity-data-review svg[role='img']"));
            fiona.assertAccessible("the presenter view of a shared site's chart");
            fiona.switchToTab(0);
            fiona.press("Previous site");
            fiona.switchToTab(1);
            fiona.waitForTextIn(PRESENT, "This site's data are not shared");
            assertTrue(fiona.texts(By.cssSelector("main .present colearn-activity-data-review svg")).isEmpty(),
                    "the projector, before the whole room, does not show a chart its site has not shared");
        }
    }
}
