package org.colearn.server;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.Browser;
import org.colearn.server.testing.BrowserServer;
import org.colearn.server.testing.LiveClient;
import org.colearn.server.testing.People;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The presenter view in real headless Chromium: a facilitator opens it in a second tab for the projector, runs the
 * poll from the live page, and the projector shows the question, then the results as bars once revealed, never before;
 * then a ranking's ranks, split as the facilitator asked, with no group too small to hide who answered what.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class PresenterViewBrowserIT {

    private static final By PRESENT = By.cssSelector("main .present");
    private static final By RESULTS = By.xpath("//main//ul[@aria-label='Results']");

    @RegisterExtension
    static final BrowserServer server = new BrowserServer();

    @Test
    void projectorShowsTheCurrentItemTheJoinCodeAndThePollsResultsOnlyOnceRevealed() {
        Api api = server.api();
        Api fiona = api.as(People.signUp(api, "Fiona Facilitator"));
        String collaborative = People.collaborative(fiona, "Fife sepsis collaborative");
        String code = People.invitation(fiona, collaborative, "participant");
        String nadiaToken = People.signUp(api, "Nadia Nurse");
        People.join(api.as(nadiaToken), code, People.site(fiona, collaborative, "NHS Fife", "trust"), "nurse");
        String sessionId = People.session(fiona, collaborative, "Learning session 4", 60, List.of(Map.of(
                "title", "Which change first?", "activityType", "poll", "plannedMinutes", 10,
                "config", Map.of("question", "Which change will you test first?", "options", List.of("Screening in triage", "Sepsis six"),
                        "multipleChoice", false, "anonymous", false)), Map.of(
                "title", "Safety threats", "activityType", "poll", "plannedMinutes", 10,
                "config", Map.of("question", "Which threats matter most?", "kind", "ranking",
                        "options", List.of("Staffing gaps", "Sepsis missed", "Falls"), "multipleChoice", false, "anonymous", true))));
        String joinCode = fiona.get("sessions/" + sessionId).json().path("joinCode").asText();

        try (Browser browser = server.loggedIn("fiona.facilitator@example.nhs.uk", "/sessions/" + sessionId);
                LiveClient nadia = server.join(sessionId, nadiaToken, "nadia-phone")) {
            browser.waitForHeading("Learning session 4");
            browser.press("Start session");
            browser.press("Next item");
            browser.waitForStatus("Now: Which change first?");

            browser.openInNewTab(server.baseUrl() + "#/sessions/" + sessionId + "/present");
            browser.waitForTextIn(PRESENT, "Which change first?");
            String shown = browser.waitForTextIn(PRESENT, "Which change will you test first?");
            assertTrue(shown.contains(joinCode), () -> "the projector shows how to join: " + shown);
            String clock = browser.waitForTextIn(By.xpath("//main//*[@role='timer']"), "left");
            assertTrue(clock.matches("(10:00|[0-9]:[0-5]\\d) left"), () -> "and the ten-minute item's clock: " + clock);
            assertFalse(shown.contains("Vote"), "the projector has nothing to press: " + shown);

            nadia.request("poll.vote", bodyOf("choices", List.of(0)));
            browser.waitForTextIn(PRESENT, "1 voted.");
            assertTrue(browser.texts(RESULTS).isEmpty(), "the votes stay off the projector until the facilitator reveals them");
            browser.assertAccessible("the presenter view while a poll runs");

            browser.switchToTab(0);
            browser.press("Reveal results");
            browser.switchToTab(1);
            String results = browser.waitForTextIn(RESULTS, "1 vote, 100%").replaceAll("\\s+", " ");
            assertTrue(results.contains("Screening in triage 1 vote, 100%") && results.contains("Sepsis six 0 votes, 0%"),
                    () -> "each answer with its count and share of the voters: " + results);
            browser.assertAccessible("the presenter view with a poll's results");

            browser.switchToTab(0);
            browser.press("Next item");
            browser.waitForStatus("Now: Safety threats");
            nadia.request("poll.vote", bodyOf("order", List.of(1, 0, 2)));
            browser.waitForTextIn(Browser.section("Poll"), "1 ranking");
            browser.press("Reveal results");
            browser.waitUntilGone(By.xpath("//main//button[normalize-space()='Reveal results']"));
            browser.press("Clinicians and managers");
            browser.waitFor(By.xpath("//main//button[normalize-space()='Clinicians and managers' and @aria-pressed='true']"));
            browser.switchToTab(1);
            String ranks = browser.waitForTextIn(By.xpath("//main//ol[@aria-label='Ranks: All']"), "Sepsis missed").replaceAll("\\s+", " ");
            assertTrue(ranks.startsWith("Sepsis missed mean rank 1.0, 2 points Staffing gaps mean rank 2.0, 1 point Falls"),
                    () -> "the ranks, the most favoured first: " + ranks);
            String split = browser.waitForTextIn(PRESENT, "1 ranking");
            assertTrue(split.contains("Groups of fewer than 3 people are merged"),
                    () -> "the one person who ranked is not shown as a clinician on their own, and the projector says why: " + split);
            assertFalse(split.contains("Clinicians"), split);
            browser.assertAccessible("the presenter view with a ranking's ranks split");
        }
    }
}
