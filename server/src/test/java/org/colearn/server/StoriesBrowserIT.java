package org.colearn.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.Browser;
import org.colearn.server.testing.BrowserServer;
import org.colearn.server.testing.People;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The catalogue of failure stories in a real Chromium: a participant writes an anonymous story through the guided
 * form, is warned about what looks like an NHS number, keeps the edit key; a facilitator approves it; two colleagues
 * find it by a word from "what we learned" and thank them. No page anyone else sees gives the author away, and every
 * page passes axe-core.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class StoriesBrowserIT {

    private static final String TITLE = "Screening fell apart on night shifts";
    private static final List<String> AUTHOR = List.of("Pat Participant", "pat.participant@example.nhs.uk", "Kent Community Health");

    @RegisterExtension
    static final BrowserServer server = new BrowserServer();

    @Test
    void anAnonymousStoryIsWrittenApprovedFoundAndThankedWithoutGivingItsAuthorAway() {
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
        String stories = "/collaboratives/" + collaborative + "/stories";

        String key;
        try (Browser author = server.loggedIn("pat.participant@example.nhs.uk", stories + "/new")) {
            author.waitForHeading("Share a failure story");
            author.fill("Title", TITLE);
            author.fill("The change idea it concerns", "Screening at triage");
            author.fill("What we tried", "A paper screening tool on every triage card.");
            author.fill("What happened", "The night team skipped it; patient 943 476 5919, born 12/03/1950, waited four hours.");
            author.fill("What we learned", "Short handover huddles kept the screening going better than paper.");
            author.choose("Who is it credited to?", "Nobody: post anonymously");
            author.choose("Who can read it?", "Everyone in this collaborative (after a facilitator approves it)");
            author.waitForText("Draft saved at");
            author.assertAccessible("the story form");

            author.press("Post the story");
            author.waitForText("This may identify a patient. Edit what is marked below");
            String beside = author.waitForTextIn(By.cssSelector("#" + author.field("What happened").getDomAttribute("aria-describedby").split(" ")[0]),
                    "What happened may hold an NHS number (characters 36 to 47)");
            assertTrue(beside.contains("What happened may hold a date of birth (characters 55 to 64)"),
                    () -> "both findings sit beside the field, in words, without quoting it: " + beside);
            String summary = author.waitFor(By.cssSelector("main form > .error-summary:first-child")).getText();
            assertTrue(summary.startsWith("This may identify a patient.") && summary.contains("an NHS number") && summary.contains("a date of birth"),
                    () -> "the warning at the top of the form lists both findings: " + summary);
            assertTrue(author.field("I confirm this is not identifying").isDisplayed(), "the author may confirm instead of editing");
            author.assertAccessible("the story form with the patient-data warning");
            author.fill("What happened", "The night team skipped it; one patient waited four hours.");
            author.press("Post the story");

            author.waitForHeading("Your anonymous story is posted");
            key = author.field("Your private edit key").getDomProperty("value");
            assertTrue(key.matches("[A-Za-z0-9_-]{43}"), key);
            author.press("Copy key");
            author.waitForStatus("opied");
            author.assertAccessible("the page with the edit key");
            assertEquals(0, pat.get("collaboratives/" + collaborative + "/stories").json().size(),
                    "the author's account cannot find its own anonymous story: nothing ties them");
            assertEquals(0, pat.get("collaboratives/" + collaborative + "/story-drafts").json().size(), "the draft is gone");
        }

        server.writeAnonymousItems();
        String storyId = fiona.get("collaboratives/" + collaborative + "/stories/moderation").json().get(0).path("story").path("id").asText();
        try (Browser facilitator = server.loggedIn("fiona.facilitator@example.nhs.uk", stories)) {
            facilitator.waitForHeading("Failure stories");
            facilitator.press("Stories to moderate (1)");
            facilitator.waitForHeading("Stories to moderate");
            facilitator.waitForText(TITLE);
            facilitator.waitForText("Readers: everyone in this collaborative (after a facilitator approves it).");
            assertGivesNoAuthorAway(facilitator, "the moderation queue");
            facilitator.assertAccessible("the moderation queue");
            facilitator.waitFor(By.xpath("//summary[normalize-space()='Remove a passage']")).click();
            facilitator.fill("Exact words to remove", "four hours");
            facilitator.fill("Reason the author will read", "We took out how long the patient waited.");
            facilitator.press("Remove passage");
            facilitator.waitForStatus("The passage is removed");
            facilitator.waitForText("one patient waited [removed].");
            facilitator.press("Approve");
            facilitator.waitForStatus("is approved and published");
            facilitator.waitForText("Nothing to moderate");
        }

        try (Browser colleague = server.loggedIn("kim.colleague@example.nhs.uk", stories)) {
            colleague.waitForHeading("Failure stories");
            colleague.fill("Search stories", "huddles");
            colleague.press("Search");
            colleague.waitForStatus("1 story found");
            colleague.waitForText(TITLE);
            assertGivesNoAuthorAway(colleague, "the catalogue");
            colleague.assertAccessible("the catalogue after a search");
            colleague.press(TITLE);
            colleague.waitForHeading(TITLE);
            colleague.waitForText("Shared anonymously. Posted in the week of");
            colleague.waitForText("Readers: everyone in this collaborative.");
            assertFalse(colleague.mainText().contains("after a facilitator approves it"), "an approved story no longer waits for approval");
            colleague.press("Thank you for sharing (0)");
            colleague.waitForStatus("Your reaction is added");
            colleague.waitForText("Thank you for sharing (1)");
            assertGivesNoAuthorAway(colleague, "the story page");
            colleague.assertAccessible("the story page");
        }

        try (Browser other = server.loggedIn("mo.medway@example.nhs.uk", "/stories/" + storyId)) {
            other.waitForHeading(TITLE);
            other.press("This helps me (0)");
            other.waitForStatus("Your reaction is added");
            other.waitForText("This helps me (1)");
            assertTrue(other.mainText().contains("Thank you for sharing (1)"));
            assertEquals("true", other.waitFor(By.xpath("//button[normalize-space()='This helps me (1)']")).getDomAttribute("aria-pressed"));
            assertGivesNoAuthorAway(other, "the story page after two reactions");
        }

        try (Browser author = server.loggedIn("pat.participant@example.nhs.uk", "/my-anonymous-story")) {
            author.waitForHeading("Your anonymous story");
            author.fill("Your edit key", key);
            author.press("Open my story");
            author.waitForStatus("is open. Published.");
            author.waitForText("Note from the facilitator: We took out how long the patient waited.");
            author.fill("What we changed as a result", "Huddles are now on the night rota.");
            author.press("Add follow-up");
            author.waitForStatus("Your follow-up is saved");
            author.waitForText("What we changed as a result: Huddles are now on the night rota.");
            author.assertAccessible("the author's page opened with the edit key");
        }
    }

    @Test
    void theAuthorOfACreditedStoryEditsIt() {
        Api api = server.api();
        Api fay = api.as(People.signUp(api, "Fay Faculty"));
        String collaborative = People.collaborative(fay, "AKI Collaborative");
        People.placeMyself(fay, collaborative, People.site(fay, collaborative, "Dartford and Gravesham", "trust"));
        String id = fay.post("collaboratives/" + collaborative + "/stories", java.util.Map.of(
                "title", "Fluid charts nobody filled in", "topic", "AKI", "changeIdea", "Fluid balance charts",
                "whatWeTried", "New charts on every bed.", "whatHappened", "They stayed blank.",
                "whatWeLearned", "Charts need an owner on every shift.", "whatWeWouldDoDifferently", "",
                "credit", "person", "visibility", "pair")).json().path("item").path("id").asText();
        try (Browser author = server.loggedIn("fay.faculty@example.nhs.uk", "/stories/" + id)) {
            author.waitForHeading("Fluid charts nobody filled in");
            author.press("Edit this story");
            author.waitForHeading("Edit your story");
            assertEquals("Charts need an owner on every shift.", author.field("What we learned").getDomProperty("value"));
            author.assertAccessible("the edit page");
            author.fill("Title", "Fluid charts that stayed blank");
            author.press("Save changes");
            author.waitForHeading("Fluid charts that stayed blank");
            author.waitForStatus("Your changes are saved.");
        }
    }

    private static void assertGivesNoAuthorAway(Browser browser, String where) {
        String source = (String) browser.script("return document.documentElement.outerHTML");
        for (String trace : AUTHOR) {
            assertFalse(source.contains(trace), () -> where + " gives the author away: it contains " + trace);
        }
    }
}
