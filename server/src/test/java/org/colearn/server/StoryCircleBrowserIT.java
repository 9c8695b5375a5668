package org.colearn.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.Browser;
import org.colearn.server.testing.BrowserServer;
import org.colearn.server.testing.LivePage;
import org.colearn.server.testing.People;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A failure story from the catalogue told in a live session's circle, in four real Chromiums: Pat writes it
 * anonymously in the catalogue, Fiona approves it, Pat brings it into the running circle with the edit key the
 * catalogue showed, Fiona shares it, Kim and Mo react and everyone sees the counts; Kim then finds it in the
 * catalogue by a word from what was learned. No page of the catalogue that another person saw, and no circle anyone
 * saw, gives Pat away; the circle passes axe-core.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class StoryCircleBrowserIT {

    private static final String TITLE = "Escalation calls went unanswered at night";
    private static final By CIRCLE = By.cssSelector("colearn-activity-failure-circle");
    private static final By CURRENT = By.cssSelector("colearn-activity-failure-circle [data-testid=current-story]");

    @RegisterExtension
    static final BrowserServer server = new BrowserServer();

    @Test
    void anAnonymousCatalogueStoryIsBroughtToTheCircleSharedAndAnsweredWithoutGivingItsTellerAway() {
        Api api = server.api();
        Api fiona = api.as(People.signUp(api, "Fiona Facilitator"));
        Api pat = api.as(People.signUp(api, "Pat Participant"));
        Api kim = api.as(People.signUp(api, "Kim Colleague"));
        Api mo = api.as(People.signUp(api, "Mo Medway"));
        String collaborative = People.collaborative(fiona, "Sepsis Collaborative");
        String kent = People.site(fiona, collaborative, "Kent Community Health", "trust");
        String medway = People.site(fiona, collaborative, "Medway Foundation", "trust");
        People.placeMyself(fiona, collaborative, medway);
        String invitation = People.invitation(fiona, collaborative, "participant");
        People.join(pat, invitation, kent, "nurse");
        People.join(kim, invitation, medway, "doctor");
        People.join(mo, invitation, medway, "manager");
        List<String> teller = List.of("Pat Participant", "pat.participant@example.nhs.uk", "Kent Community Health");
        String stories = "/collaboratives/" + collaborative + "/stories";
        String live = "/sessions/" + People.session(fiona, collaborative, "Learning session 6", 90,
                List.of(Map.of("title", "Failure-story circle", "activityType", "failure-circle", "plannedMinutes", 40)));

        List<Browser> opened = new ArrayList<>();
        try {
            long started = System.nanoTime();
            Browser author = open(opened, "pat.participant@example.nhs.uk", stories + "/new");
            author.waitForHeading("Share a failure story");
            author.fill("Title", TITLE);
            author.fill("The change idea it concerns", "Escalation to the outreach team");
            author.fill("What we tried", "A bleep for the outreach team on every ward.");
            author.fill("What happened", "At night the bleep went to a locum who did not know the wards.");
            author.fill("What we learned", "A named outreach nurse on each night rota answered every call.");
            author.choose("Who is it credited to?", "Nobody: post anonymously");
            author.choose("Who can read it?", "Everyone in this collaborative (after a facilitator approves it)");
            author.press("Post the story");
            author.waitForHeading("Your anonymous story is posted");
            String key = author.field("Your private edit key").getDomProperty("value");

            Browser facilitator = open(opened, "fiona.facilitator@example.nhs.uk", stories + "/moderation");
            facilitator.waitForHeading("Stories to moderate");
            facilitator.waitForText(TITLE);
            assertGivesNoTellerAway(facilitator, "the moderation queue", teller, key);
            facilitator.press("Approve");
            facilitator.waitForStatus("is approved and published");

            // With the key the catalogue showed, Pat finds the story's link, as the page offers it to its author.
            author.visit(server.baseUrl() + "#/my-anonymous-story");
            author.fill("Your edit key", key);
            author.press("Open my story");
            author.waitForStatus("is open. Published.");
            String link = author.waitFor(By.linkText("Read it as others see it")).getDomAttribute("href");

            Browser reactor = open(opened, "kim.colleague@example.nhs.uk", live);
            Browser other = open(opened, "mo.medway@example.nhs.uk", live);
            facilitator.visit(server.baseUrl() + "#" + live);
            author.visit(server.baseUrl() + "#" + live);
            for (Browser browser : opened) {
                browser.waitForHeading("Learning session 6");
                browser.waitForTextIn(LivePage.CONNECTION, "Connected");
            }
            System.out.printf("four browsers in the session in %d s%n", (System.nanoTime() - started) / 1_000_000_000L);
            facilitator.press("Start session");
            facilitator.press("Go to item 1: Failure-story circle");
            for (Browser browser : opened) {
                browser.waitForTextIn(CIRCLE, "What did we try that did not work, and what did we learn?");
            }

            author.fill("Story id or link", link);
            author.fill("Edit key (only for an anonymous story)", key);
            author.press("Bring this story");
            author.waitForTextIn(CIRCLE, "Your story is in the queue.");

            facilitator.waitForTextIn(CIRCLE, TITLE + " (anonymous)");
            facilitator.press("Share " + TITLE);
            for (Browser browser : opened) {
                String told = browser.waitForTextIn(CURRENT, TITLE);
                assertTrue(told.contains("Anonymous"), () -> "read without any author: " + told);
                assertTrue(told.contains("A named outreach nurse on each night rota answered every call."), told);
            }
            reactor.press("Thank you for sharing (0)");
            other.press("This helps me (0)");
            for (Browser browser : opened) {
                browser.waitForTextIn(CURRENT, "Thank you for sharing (1)");
                browser.waitForTextIn(CURRENT, "This helps me (1)");
            }
            assertTrue(reactor.waitFor(By.cssSelector("colearn-activity-failure-circle [data-testid=react-thanks]"))
                    .getDomAttribute("aria-pressed").equals("true"), "Kim's own reaction is marked as given");
            for (Browser browser : opened) {
                assertCircleGivesNoTellerAway(browser, teller, key);
            }
            reactor.script("arguments[0].scrollIntoView()", reactor.waitFor(CURRENT));
            reactor.screenshot("story-circle-participant");
            facilitator.assertAccessible("the facilitator's circle with its queue");
            reactor.assertAccessible("a participant's circle with the story told now");

            reactor.visit(server.baseUrl() + "#" + stories);
            reactor.waitForHeading("Failure stories");
            reactor.fill("Search stories", "outreach nurse");
            reactor.press("Search");
            reactor.waitForStatus("1 story found");
            reactor.waitForText(TITLE);
            assertGivesNoTellerAway(reactor, "the catalogue after a search", teller, key);
            System.out.printf("the story went from the catalogue to the circle and back in %d s%n",
                    (System.nanoTime() - started) / 1_000_000_000L);
        } finally {
            opened.forEach(Browser::close);
        }
    }

    private static Browser open(List<Browser> opened, String email, String path) {
        Browser browser = server.loggedIn(email, path);
        opened.add(browser);
        return browser;
    }

    /**
     * The circle, as text and as HTML, holds nothing of its teller. (Who is in the session is listed beside it for
     * everyone, whatever they tell, so the rest of the live page is not searched for names; the key is searched for
     * everywhere.)
     */
    private static void assertCircleGivesNoTellerAway(Browser browser, List<String> teller, String key) {
        WebElement circle = browser.waitFor(CIRCLE);
        String html = circle.getDomProperty("outerHTML") + circle.getText();
        for (String trace : teller) {
            assertFalse(html.contains(trace), () -> "the circle gives the teller away: it contains " + trace);
        }
        assertFalse(((String) browser.script("return document.documentElement.outerHTML")).contains(key), "the page shows the key");
    }

    private static void assertGivesNoTellerAway(Browser browser, String where, List<String> teller, String key) {
        String page = browser.script("return document.documentElement.outerHTML") + browser.mainText();
        for (String trace : teller) {
            assertFalse(page.contains(trace), () -> where + " gives the teller away: it contains " + trace);
        }
        assertFalse(page.contains(key), where + " shows the key");
    }
}
