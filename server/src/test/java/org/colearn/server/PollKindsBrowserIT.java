package org.colearn.server;

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
import org.colearn.server.testing.LivePage;
import org.colearn.server.testing.People;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * A poll's other kinds in real headless Chromium: a participant rates on a scale of 1 to 5 and sees the mean and how
 * many gave each point once revealed; in a word cloud they give their words, and see the words as a list and a cloud,
 * without the one the facilitator hid; in a ranking they order the answers by keyboard and see the ranks split by
 * profession, the one doctor merged with others. The facilitator and the other voters are WebSocket clients.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class PollKindsBrowserIT {

    private static final By POLL = Browser.section("Poll");
    private static final By RANKING = By.cssSelector("colearn-activity-poll .poll-ranking__text");
    private static final By ANNOUNCED = By.cssSelector("colearn-activity-poll > [aria-live]");

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
                        "options", List.of(), "multipleChoice", false, "anonymous", true)),
                Map.of("title", "Safety threats", "activityType", "poll", "plannedMinutes", 5, "config", Map.of(
                        "question", "Which safety threats matter most?", "kind", "ranking",
                        "options", List.of("Staffing gaps", "Handover errors", "Sepsis missed", "Falls"), "multipleChoice", false,
                        "anonymous", true))));
        Map<String, String> others = new LinkedHashMap<>();
        for (String[] person : new String[][] {{"Nia Nurse", "nurse"}, {"Nora Nurse", "nurse"}, {"Mo Manager", "manager"},
                {"Max Manager", "manager"}, {"Mia Manager", "manager"}}) {
            String token = People.signUp(api, person[0]);
            People.join(api.as(token), code, site, person[1]);
            others.put(person[0], token);
        }

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

            lead.request("agenda.goto", LiveClient.bodyOf("index", 2));
            rita.waitForTextIn(POLL, "Which safety threats matter most?");
            assertEquals(List.of("Staffing gaps", "Handover errors", "Sepsis missed", "Falls"), rita.texts(RANKING));
            rita.assertAccessible("a ranking to put in order");
            rita.waitFor(moveButton("up", "Sepsis missed")).sendKeys(Keys.ENTER);
            rita.waitForTextContent(ANNOUNCED, "Sepsis missed moved to place 2 of 4.");
            assertEquals("Move up Sepsis missed", rita.focused().getDomProperty("textContent").replaceAll("\\s+", " ").strip(),
                    "the focus stays on the answer moved");
            rita.pressKey(Keys.ENTER);
            rita.waitForTextContent(ANNOUNCED, "Sepsis missed moved to place 1 of 4.");
            assertEquals("Move down Sepsis missed", rita.focused().getDomProperty("textContent").replaceAll("\\s+", " ").strip(),
                    "at the top, the focus goes to the button that can still move it");
            rita.waitFor(moveButton("down", "Handover errors")).sendKeys(Keys.ENTER);
            assertEquals(List.of("Sepsis missed", "Staffing gaps", "Falls", "Handover errors"), rita.texts(RANKING));
            rita.press("Send my ranking");
            rita.waitFor(By.xpath("//colearn-activity-poll//button[normalize-space()='Change my ranking']"));
            ben.request("poll.vote", LiveClient.bodyOf("order", List.of(0, 2, 1, 3)));
            List<LiveClient> voters = new ArrayList<>();
            try {
                int n = 0;
                for (Map.Entry<String, String> other : others.entrySet()) {
                    LiveClient voter = server.join(sessionId, other.getValue(), "voter-phone-" + n++);
                    voters.add(voter);
                    voter.request("poll.vote", LiveClient.bodyOf("order", other.getKey().endsWith("Nurse") ? List.of(2, 0, 1, 3) : List.of(0, 1, 3, 2)));
                }
            } finally {
                voters.forEach(LiveClient::close);
            }
            lead.request("poll.split", LiveClient.bodyOf("by", "profession"));
            rita.waitForTextIn(POLL, "7 rankings");
            assertTrue(rita.texts(By.cssSelector("colearn-activity-poll .poll-group h3")).isEmpty(), "no groups before the results are shown");
            lead.request("poll.reveal", LiveClient.bodyOf());

            String nurses = rita.waitForTextIn(group("Nurses"), "3 rankings").replaceAll("\\s+", " ");
            assertTrue(nurses.contains("Sepsis missed mean rank 1.0, 9 points"), () -> "the nurses put sepsis first: " + nurses);
            String managers = rita.waitForTextIn(group("Managers and others"), "4 rankings").replaceAll("\\s+", " ");
            assertTrue(managers.contains("Staffing gaps mean rank 1.0, 12 points"), () -> "the managers and the one doctor: " + managers);
            assertEquals(List.of("Nurses", "Managers and others"), rita.texts(By.cssSelector("colearn-activity-poll .poll-group h3")),
                    "side by side, and the one doctor is never a group of their own");
            rita.waitForTextIn(POLL, "Groups of fewer than 3 people are merged into Other");
            rita.assertAccessible("a ranking's ranks split by profession");
        }
    }

    private static By moveButton(String direction, String answer) {
        return By.xpath("//colearn-activity-poll//ol[contains(@class, 'poll-ranking__list')]//button[normalize-space()='Move "
                + direction + " " + answer + "']");
    }

    private static By group(String label) {
        return By.xpath("//colearn-activity-poll//section[h3[normalize-space()='" + label + "']]");
    }
}
