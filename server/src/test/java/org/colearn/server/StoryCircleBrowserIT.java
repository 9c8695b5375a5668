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
import org.colearn.server.testing.HeldTime;
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
 * catalogue showed, Fiona makes Kim the storyteller and Kim shares it, Kim and Mo react and everyone sees the counts
 * (every state of a reaction button legible); Mo tells a story of her own anonymously, is shown the part that needs
 * her attention, and is not offered the buddy pair for it; Fiona approves Kim's story while the circle runs and brings
 * it in from the moderation page; Kim then finds Pat's story in the catalogue by a word from what was learned. No
 * page of the catalogue that another person saw, and no circle anyone saw, gives Pat away; the circle passes axe-core.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class StoryCircleBrowserIT {

    private static final String TITLE = "Escalation calls went unanswered at night";
    private static final By CIRCLE = By.cssSelector("colearn-activity-failure-circle");
    private static final By CURRENT = By.cssSelector("colearn-activity-failure-circle [data-testid=current-story]");
    private static final By DESKS = By.cssSelector("colearn-activity-failure-circle [data-testid=circle-desks]");
    private static final String OFFERED = "Calls to the night registrar went unanswered";
    /** The text colour of an element and the first opaque background behind it, as {@code rgb(...)} strings. */
    private static final String COLOURS = """
            let behind = arguments[0];
            let background = getComputedStyle(behind).backgroundColor;
            while (behind && /rgba\\(.*, 0\\)$|transparent/.test(background)) {
              behind = behind.parentElement;
              background = behind ? getComputedStyle(behind).backgroundColor : 'rgb(255, 255, 255)';
            }
            return [getComputedStyle(arguments[0]).color, background];
            """;

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
            server.writeAnonymousItems();

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
            List<?> bring = (List<?>) author.script(COLOURS, author.waitFor(By.id("fc-bring")));
            assertEquals(List.of("rgb(0, 94, 184)", "rgb(255, 255, 255)"), bring,
                    "a secondary button in an activity keeps the secondary look at rest: blue text on white");
            author.press("Bring this story");
            try (HeldTime passing = HeldTime.passing(server.clock())) {
                author.waitForTextIn(CIRCLE, "Your story is in the queue.");
            }

            facilitator.waitForTextIn(CIRCLE, TITLE + " (anonymous)");
            // The facilitator runs the circle on a laptop's screen, as the rest of the session, without the page scrolling.
            facilitator.resize(1366, 768);
            facilitator.assertNoVerticalScroll("the facilitator's failure-story circle with a story in its queue, at 1366 x 768");
            facilitator.choose("Storyteller of Plenary circle", "Kim Colleague");
            facilitator.press("Make storyteller of Plenary circle");
            facilitator.waitForTextIn(CIRCLE, "Kim Colleague shares its stories.");
            reactor.waitForTextIn(CIRCLE, "You are the storyteller");
            reactor.press("Share " + TITLE);
            for (Browser browser : opened) {
                String told = browser.waitForTextIn(CURRENT, TITLE);
                assertTrue(told.contains("Anonymous"), () -> "read without any author: " + told);
                assertTrue(told.contains("A named outreach nurse on each night rota answered every call."), told);
            }
            facilitator.assertNoVerticalScroll("the facilitator's failure-story circle with a story told, at 1366 x 768");
            reactor.press("Thank you for sharing (0)");
            other.press("This helps me (0)");
            for (Browser browser : opened) {
                browser.waitForTextIn(CURRENT, "Thank you for sharing (1)");
                browser.waitForTextIn(CURRENT, "This helps me (1)");
            }
            assertTrue(reactor.waitFor(By.cssSelector("colearn-activity-failure-circle [data-testid=react-thanks]"))
                    .getDomAttribute("aria-pressed").equals("true"), "Kim's own reaction is marked as given");
            assertReactionsLegibleInEveryState(reactor);
            facilitator.press("Clear the storyteller of Plenary circle");
            reactor.waitUntilGone(DESKS);
            for (Browser browser : opened) {
                assertCircleGivesNoTellerAway(browser, teller, key);
            }
            reactor.script("arguments[0].scrollIntoView()", reactor.waitFor(CURRENT));
            reactor.screenshot("story-circle-participant");
            facilitator.assertAccessible("the facilitator's circle with its queue");
            reactor.assertAccessible("a participant's circle with the story told now");

            other.fill("Title", "Pagers left on the desk");
            other.press("Send my story to the circle");
            assertMarkedAndFocused(other, "fc-topic", "fc-story-problem");
            other.fill("Topic", "Escalation");
            other.fill("Change idea", "Pagers for every nurse in charge");
            other.fill("What we tried", "A pager for every nurse in charge after 401 023 2137 was missed.");
            other.fill("What happened", "NHS 943 476 5919 waited an hour for a review.");
            other.fill("What we learned", "Pagers need an owner at handover.");
            other.waitFor(By.id("fc-credit-anonymous")).click();
            other.press("Send my story to the circle");
            other.waitForTextIn(By.cssSelector("[data-testid=story-sent]"), "Your story will appear shortly.");
            try (HeldTime passing = HeldTime.passing(server.clock())) {
                other.waitForTextIn(By.cssSelector("[data-testid=patient-data-findings]"), "what happened (nhs number)");
            }
            assertTrue(other.waitFor(By.cssSelector("[data-testid=patient-data-findings]")).getText().contains("what we tried (nhs number)"),
                    "the warning lists every finding, not only the first");
            assertMarkedAndFocused(other, "fc-tried", "fc-findings-text");
            assertEquals("true", other.waitFor(By.id("fc-happened")).getDomAttribute("aria-invalid"), "every flagged part is marked");
            assertEquals("patient-data-findings", other.script("return document.querySelector('[data-testid=story-form]')"
                    + ".firstElementChild.dataset.testid"), "the warning sits at the top of the form");
            assertEquals("May identify a patient: nhs number.", other.waitFor(By.id("fc-tried-finding")).getText(),
                    "what we tried shows its own finding beside it");
            assertEquals("May identify a patient: nhs number.", other.waitFor(By.id("fc-happened-finding")).getText(),
                    "what happened shows its own finding beside it");
            assertTrue(other.waitFor(By.id("fc-happened")).getDomAttribute("aria-describedby").contains("fc-happened-finding"),
                    "the finding describes its part");
            other.assertAccessible("the story form with the patient-data warning at its top and each finding beside its part");
            other.fill("What we tried", "A pager for every nurse in charge.");
            other.fill("What happened", "A patient waited an hour for a review.");
            other.press("Send my story to the circle");
            By keyBox = By.cssSelector("colearn-activity-failure-circle [data-testid=anonymous-key]");
            try (HeldTime passing = HeldTime.passing(server.clock())) {
                other.waitForTextIn(keyBox, "Keep this key: it is shown only this once");
            }
            assertEquals("fc-key-value", other.focused().getDomAttribute("id"), "the key has the focus, to copy it at once");
            String shownKey = other.field("Your key").getDomProperty("value");
            assertTrue(shownKey.matches("[A-Za-z0-9_-]{43}"), shownKey);
            assertTrue(other.waitFor(keyBox).getText().contains("nobody can show you the key again"), "the box says the key cannot be shown again");
            assertEquals("#/my-anonymous-story", other.waitFor(By.linkText("Open a published story with your key (opens in a new tab)"))
                    .getDomAttribute("href"), "the box leads to the catalogue's page that opens a story with its key");
            other.press("Copy key");
            other.waitForTextIn(keyBox, "Copied");
            other.assertAccessible("the anonymous teller's key, shown once");
            other.press("I have kept my key");
            other.waitUntilGone(keyBox);
            facilitator.press("Share Pagers left on the desk");
            WebElement consent = other.waitFor(By.cssSelector("colearn-activity-failure-circle [data-testid=consent-panel]"));
            assertTrue(consent.findElements(By.cssSelector("input[value=pair]")).isEmpty(), "an anonymous story cannot go to the pair");
            assertTrue(other.waitForTextIn(By.cssSelector("[data-testid=no-pair-hint]"), "names your site").contains("anonymous"));
            other.assertAccessible("a teller's choice for an anonymous story");

            String kims = kim.post("collaboratives/" + collaborative + "/stories", Map.ofEntries(Map.entry("title", OFFERED),
                    Map.entry("topic", "Escalation"), Map.entry("changeIdea", "A named registrar on the rota"),
                    Map.entry("whatWeTried", "Calling the registrar directly."), Map.entry("whatHappened", "Nobody answered at night."),
                    Map.entry("whatWeLearned", "Name the registrar on the rota."), Map.entry("whatWeWouldDoDifferently", ""),
                    Map.entry("tags", List.of()), Map.entry("credit", "person"), Map.entry("visibility", "collaborative")))
                    .json().path("item").path("title").asText();
            facilitator.visit(server.baseUrl() + "#" + stories + "/moderation");
            facilitator.waitForText(kims);
            facilitator.press("Approve");
            facilitator.press("Bring into the circle running now (Learning session 6)");
            facilitator.waitForText("\"" + OFFERED + "\" is in the queue of the plenary circle in Learning session 6.");
            facilitator.assertAccessible("the moderation page offering the circle running now");
            other.waitForTextIn(CIRCLE, "Plenary circle: 1 story waits in the queue.");

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
     * Every reaction button, pressed or not, at rest, pointed at and focused, has text of at least 4.5:1 against its
     * background (WCAG 2.2 AA). A state's text colour changes at once while its background fades, so each text colour
     * must also be legible on the background of the state it comes from. Transitions are switched off to read each
     * state as it ends.
     */
    private static void assertReactionsLegibleInEveryState(Browser browser) {
        browser.script("document.head.insertAdjacentHTML('beforeend', '<style>* { transition: none !important; }</style>')");
        List<WebElement> buttons = browser.waitFor(CURRENT).findElements(By.cssSelector(".reactions button"));
        assertTrue(buttons.stream().anyMatch(button -> "true".equals(button.getDomAttribute("aria-pressed"))), "one is pressed");
        for (WebElement button : buttons) {
            String which = button.getText() + ", pressed " + button.getDomAttribute("aria-pressed");
            browser.hover(browser.waitFor(By.id("fc-prompt")));
            List<?> rest = (List<?>) browser.script(COLOURS, button);
            browser.hover(button);
            List<?> pointed = (List<?>) browser.script(COLOURS, button);
            browser.script("arguments[0].focus()", button);
            List<?> focused = (List<?>) browser.script(COLOURS, button);
            assertLegible(rest.get(0), rest.get(1), which + ", at rest");
            assertLegible(pointed.get(0), pointed.get(1), which + ", pointed at");
            assertLegible(focused.get(0), focused.get(1), which + ", focused and pointed at");
            assertLegible(rest.get(0), pointed.get(1), which + ", when the pointer leaves it");
            assertLegible(pointed.get(0), rest.get(1), which + ", when the pointer comes");
        }
    }

    private static void assertLegible(Object text, Object background, String which) {
        double ratio = (luminance(text) > luminance(background)
                ? (luminance(text) + 0.05) / (luminance(background) + 0.05)
                : (luminance(background) + 0.05) / (luminance(text) + 0.05));
        assertTrue(ratio >= 4.5, () -> String.format("%s: %s on %s has a contrast of %.2f:1, below 4.5:1", which, text, background, ratio));
    }

    /** The relative luminance of an {@code rgb(r, g, b)} colour, as WCAG defines it. */
    private static double luminance(Object rgb) {
        String[] parts = String.valueOf(rgb).replaceAll("[^0-9.,]", "").split(",");
        double[] linear = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Double.parseDouble(parts[i]) / 255;
            linear[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
    }

    /** The control is marked invalid, described by the message that says why, and has the focus. */
    private static void assertMarkedAndFocused(Browser browser, String id, String messageId) {
        WebElement control = browser.waitFor(By.cssSelector("#" + id + "[aria-invalid=true]"));
        assertTrue(control.getDomAttribute("aria-describedby").contains(messageId), control.getDomAttribute("aria-describedby"));
        assertTrue(id.equals(browser.focused().getDomAttribute("id")), () -> "the focus is on " + browser.focused().getDomAttribute("id"));
    }

    /**
     * The circle, as text and as HTML, holds nothing of its teller. (Who is in the session is listed beside it for
     * everyone, whatever they tell, so the rest of the live page is not searched for names; the key is searched for
     * everywhere.)
     */
    private static void assertCircleGivesNoTellerAway(Browser browser, List<String> teller, String key) {
        // The facilitators' choice of storyteller lists everyone in the circle, as the session's roster does.
        String html = (String) browser.script("const circle = arguments[0].cloneNode(true);"
                + "circle.querySelectorAll('.fc-picker').forEach((picker) => picker.remove());"
                + "return circle.outerHTML + ' ' + circle.textContent;", browser.waitFor(CIRCLE));
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
