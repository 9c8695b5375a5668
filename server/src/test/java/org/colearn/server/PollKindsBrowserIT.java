package org.colearn.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * A poll's other kinds in real headless Chromium: a participant rates on a scale of 1 to 5 and sees the mean and how
 * many gave each point once revealed; in a word cloud they give their words, and see the words as a list and a cloud,
 * without the one the facilitator hid. The facilitator and a second voter are WebSocket clients.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class PollKindsBrowserIT {

    private static final By POLL = Browser.section("Poll");

    @RegisterExtension
    static final BrowserServer server = new BrowserServer();

    @Test
    void aParticipantRatesThenGivesWordsAndSeesTheMeanAndTheWordsWithoutTheOneHidden() {
        Api api = server.api();
        String fionaToken = People.signUp(api, "Fiona Poller");
        Api fiona = api.as(fionaToken);
        String collaborative = People.collaborative(fiona, "Borders sepsis collaborative");
        String code = People.invitation(fiona, collaborative, "participant");
        String site = People.site(fiona, collaborative, "Borders General", "trust");
        People.join(api.as(People.signUp(api, "Rita Rater")), code, site, "nurse");
        String benToken = People.signUp(api, "Ben Voter");
        People.join(api.as(benToken), code, site, "doctor");
        String sessionId = People.session(fiona, collaborative, "Learning session 7", 60, List.of(
                Map.of("title", "Readiness", "activityType", "poll", "plannedMinutes", 5, "config", Map.of(
                        "question", "How ready is your ward to test a change?", "kind", "rating", "scale", 5,
                        "options", List.of(), "multipleChoice", false, "anonymous", true)),
                Map.of("title", "Night shifts", "activityType", "poll", "plannedMinutes", 5, "config", Map.of(
                        "question", "Night shifts in a word?", "kind", "words",
                        "options", List.of(), "multipleChoice", false, "anonymous", true))));

        try (Browser rita = server.loggedIn("rita.rater@example.nhs.uk", "/sessions/" + sessionId);
                LiveClient lead = server.join(sessionId, fionaToken, "fiona-laptop");
                LiveClient ben = server.join(sessionId, benToken, "ben-phone")) {
            rita.waitForTextIn(LivePage.CONNECTION, "Connected");
            lead.request("session.start", LiveClient.bodyOf());
            lead.request("agenda.goto", LiveClient.bodyOf("index", 0));

            rita.waitForTextIn(POLL, "From 1 (lowest) to 5 (highest).");
            rita.assertAccessible("a rating poll on a scale of 1 to 5");
            rita.waitFor(By.xpath("//colearn-activity-poll//label[normalize-space()='5']/input")).click();
            rita.press("Vote");
            rita.waitFor(By.xpath("//colearn-activity-poll//button[normalize-space()='Change my vote']"));
            ben.request("poll.vote", LiveClient.bodyOf("rating", 2));
            lead.request("poll.reveal", LiveClient.bodyOf());
            String rated = rita.waitForTextIn(POLL, "Mean rating: 3.5 out of 5").replaceAll("\\s+", " ");
            assertTrue(rated.contains("5 1 vote, 50%") && rated.contains("2 1 vote, 50%") && rated.contains("3 0 votes, 0%"),
                    () -> "each point of the scale with how many gave it: " + rated);
            rita.assertAccessible("a rating's mean and distribution");

            lead.request("agenda.goto", LiveClient.bodyOf("index", 1));
            rita.waitForTextIn(POLL, "Night shifts in a word?");
            rita.waitFor(By.xpath("//colearn-activity-poll//label[starts-with(normalize-space(), 'Word 1')]/input")).sendKeys("Huddles");
            rita.waitFor(By.xpath("//colearn-activity-poll//label[starts-with(normalize-space(), 'Word 2')]/input")).sendKeys("Tired");
            rita.assertAccessible("a word cloud's answers");
            rita.press("Send my words");
            rita.waitFor(By.xpath("//colearn-activity-poll//button[normalize-space()='Change my words']"));
            ben.request("poll.vote", LiveClient.bodyOf("words", List.of("huddles", "rubbish")));
            lead.request("poll.hide", LiveClient.bodyOf("word", "Rubbish"));
            lead.request("poll.reveal", LiveClient.bodyOf());
            String words = rita.waitForTextIn(By.cssSelector("colearn-activity-poll .poll-words__list"), "Huddles: 2 people");
            assertTrue(words.contains("Tired: 1 person"), words);
            String cloud = rita.waitFor(By.cssSelector("colearn-activity-poll .poll-cloud")).getText();
            assertTrue(cloud.contains("Huddles") && cloud.contains("Tired"), cloud);
            assertFalse(rita.mainText().toLowerCase().contains("rubbish"), "the word the facilitator hid reaches nobody");
            rita.assertAccessible("a word cloud revealed, as a list and a cloud");
        }
    }
}
