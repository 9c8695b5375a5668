package org.colearn.server;

import static org.colearn.server.testing.LiveClient.bodyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * then a ranking's ranks, split as the facilitator asked, with no group too small to hide who answered what; then split
 * by site with the facilitator's button, the one person alone at their site merged into the smallest site's group.
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
        String fife = People.site(fiona, collaborative, "NHS Fife", "trust");
        People.join(api.as(nadiaToken), code, fife, "nurse");
        // Who ranks later, by site: two more at NHS Fife, three at Victoria Hospital, one alone at Queen Margaret.
        String victoria = People.site(fiona, collaborative, "Victoria Hospital", "trust");
        String queenMargaret = People.site(fiona, collaborative, "Queen Margaret Hospital", "trust");
        Map<String, String> rankers = new LinkedHashMap<>();
        for (String[] person : new String[][] {{"Fay Nurse", fife}, {"Fin Manager", fife}, {"Vic Nurse", victoria},
                {"Val Doctor", victoria}, {"Viv Manager", victoria}, {"Quinn Nurse", queenMargaret}}) {
            String token = People.signUp(api, person[0]);
            People.join(api.as(token), code, person[1], person[0].endsWith("Manager") ? "manager" : "nurse");
            rankers.put(person[0], token);
        }
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

            List<LiveClient> voters = new ArrayList<>();
            try {
                for (String token : rankers.values()) {
                    LiveClient voter = server.join(sessionId, token, "ranker-phone-" + voters.size());
                    voters.add(voter);
                    voter.request("poll.vote", bodyOf("order", List.of(0, 1, 2)));
                }
            } finally {
                voters.forEach(LiveClient::close);
            }
            browser.switchToTab(0);
            browser.waitForTextIn(Browser.section("Poll"), "7 rankings");
            browser.press("By site");
            browser.waitFor(By.xpath("//main//button[normalize-space()='By site' and @aria-pressed='true']"));
            String fifeRanks = browser.waitForTextIn(siteGroup("NHS Fife"), "3 rankings").replaceAll("\\s+", " ");
            assertTrue(fifeRanks.contains("Sepsis missed mean rank 1.7, 4 points"),
                    () -> "the three rankings from NHS Fife: " + fifeRanks);
            browser.waitForTextIn(siteGroup("Victoria Hospital and others"), "4 rankings");
            assertEquals(List.of("NHS Fife", "Victoria Hospital and others"), browser.texts(By.cssSelector("colearn-activity-poll .poll-group h3")),
                    "the sites side by side, and the one person at Queen Margaret Hospital is never a group of their own");
            browser.waitForTextIn(Browser.section("Poll"), "Groups of fewer than 3 people are merged");
            browser.assertAccessible("a ranking's ranks split by site, as the facilitator sees them");
        }
    }

    private static By siteGroup(String label) {
        return By.xpath("//colearn-activity-poll//section[h3[normalize-space()='" + label + "']]");
    }
}
