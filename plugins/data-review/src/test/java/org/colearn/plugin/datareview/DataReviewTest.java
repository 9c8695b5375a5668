package org.colearn.plugin.datareview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.colearn.plugin.api.ActivityException;
import org.colearn.plugin.api.Participant;
import org.colearn.plugin.testkit.ActivityHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A data review of three sites: Ashford shares its data, Bromley does not (Canterbury is its buddy pair), and Dartford
 * has no values yet. People join in this order: the facilitator p-1, Ann of Ashford p-2, Ben of Bromley p-3, Cath of
 * Canterbury p-4, a guest who says they are from Bromley p-5.
 */
class DataReviewTest {

    ActivityHarness<DataReviewConfig, DataReviewState> review;
    InMemoryMeasures measures;
    Participant fiona;
    Participant ann;
    Participant ben;
    Participant cath;
    Participant guest;

    @BeforeEach
    void start() throws ActivityException {
        measures = new InMemoryMeasures()
                .site("Ashford", true, List.of("p-2"), List.of())
                .site("Bromley", false, List.of("p-3"), List.of("p-4"))
                .site("Canterbury", false, List.of("p-4"), List.of("p-3"))
                .siteWithoutValues("Dartford", List.of("p-6"));
        review = ActivityHarness.start(new DataReviewActivityType(), new DataReviewConfig("sepsis screening within an hour"), measures);
        fiona = review.join("Fiona Facilitator", null, "manager", true);
        ann = review.join("Ann Nurse", "Ashford", "nurse", false);
        ben = review.join("Ben Doctor", "Bromley", "doctor", false);
        cath = review.join("Cath Manager", "Canterbury", "manager", false);
        guest = review.join("Gus Guest", "Bromley", null, false);
    }

    @Test
    void theFacilitatorBringsEachSiteWithValuesToTheScreenInTurn() throws ActivityException {
        JsonNode first = review.view(ann);
        assertEquals("Sepsis screening within an hour", first.path("measure").asText());
        assertEquals(List.of("Ashford", "Bromley", "Canterbury"), names(first.path("sites")), "Dartford has no values to show");
        assertEquals("Ashford", first.path("turn").path("site").asText());
        review.send(fiona, "next", "{}");
        assertEquals("Bromley", review.view(ben).path("turn").path("site").asText());
        review.send(fiona, "show", "{\"site\":2}");
        assertEquals("Canterbury", review.view(cath).path("turn").path("site").asText());
        review.send(fiona, "previous", "{}");
        assertEquals(1, review.view(fiona).path("current").asInt());
        ActivityException beyond = assertThrows(ActivityException.class, () -> review.send(fiona, "show", "{\"site\":3}"));
        assertEquals("no_such_site", beyond.code());
        ActivityException notFacilitator = assertThrows(ActivityException.class, () -> review.send(ann, "next", "{}"));
        assertEquals("facilitator_only", notFacilitator.code());
    }

    @Test
    void aSiteThatDoesNotShareItsDataIsSeenOnlyByItsMembersItsBuddyPairAndTheFacilitators() throws ActivityException {
        review.send(fiona, "next", "{}");
        review.send(ben, "ask", "{\"text\":\"How do you count the denominator?\"}");
        for (Participant reader : List.of(fiona, ben, cath)) {
            JsonNode turn = review.view(reader).path("turn");
            assertTrue(turn.path("visible").asBoolean(), reader.name());
            assertTrue(turn.path("chart").asText().contains("A shift at Bromley."), reader.name());
            assertEquals("A shift at Bromley.", turn.path("summary").asText());
            assertEquals(1, turn.path("questions").size());
        }
        for (Participant outsider : List.of(ann, guest)) {
            JsonNode view = review.view(outsider);
            JsonNode turn = view.path("turn");
            assertFalse(turn.path("visible").asBoolean(), outsider.name());
            assertEquals("This site's data are not shared", turn.path("notice").asText());
            assertFalse(view.toString().contains("A shift at Bromley") || view.toString().contains("denominator"),
                    outsider.name() + " received " + view);
            ActivityException refused = assertThrows(ActivityException.class,
                    () -> review.send(outsider, "ask", "{\"text\":\"Can we see?\"}"));
            assertEquals("site_data_private", refused.code());
        }
        assertNotEquals(review.viewKey(ben), review.viewKey(guest), "a guest who types Bromley is not one of its members");
        review.assertSharedViewsAgree();
    }

    @Test
    void aSitesMemberPresentsItsChartAndMarksItsQuestionsAnswered() throws ActivityException {
        ActivityException notYours = assertThrows(ActivityException.class, () -> review.send(ben, "present", "{}"));
        assertEquals("not_your_site", notYours.code());
        review.send(ann, "present", "{}");
        assertEquals("Ann Nurse", review.view(cath).path("turn").path("presenter").asText());
        assertTrue(review.view(ann).path("turn").path("yourSite").asBoolean());
        review.send(cath, "ask", "{\"text\":\"What changed in April?\"}");
        String id = review.view(ann).path("turn").path("questions").get(0).path("id").asText();
        ActivityException asker = assertThrows(ActivityException.class, () -> review.send(cath, "answer", "{\"id\":\"" + id + "\"}"));
        assertEquals("not_your_site", asker.code());
        review.send(ann, "answer", "{\"id\":\"" + id + "\"}");
        JsonNode question = review.view(guest).path("turn").path("questions").get(0);
        assertEquals("What changed in April?", question.path("text").asText());
        assertEquals("Cath Manager", question.path("asker").asText());
        assertTrue(question.path("answered").asBoolean());
    }

    @Test
    void aPersonalNoteIsSeenByItsAuthorAloneAndASiteNoteByTheSitesMembersAndTheFacilitators() throws ActivityException {
        review.send(ben, "note", "{\"text\":\"Ask Ashford for their triage card\",\"forSite\":true}");
        review.send(cath, "note", "{\"text\":\"Call Ann about huddles\",\"forSite\":false}");
        ActivityException guestForSite = assertThrows(ActivityException.class,
                () -> review.send(guest, "note", "{\"text\":\"For Bromley\",\"forSite\":true}"));
        assertEquals("no_site", guestForSite.code());
        assertEquals(List.of("Ask Ashford for their triage card"), texts(review.view(ben).path("notes")));
        assertEquals("Bromley", review.view(ben).path("notes").get(0).path("site").asText());
        assertEquals("Ashford", review.view(ben).path("notes").get(0).path("about").asText());
        assertEquals(List.of("Call Ann about huddles"), texts(review.view(cath).path("notes")));
        assertEquals(List.of("Ask Ashford for their triage card"), texts(review.view(fiona).path("notes")));
        assertEquals(List.of(), texts(review.view(guest).path("notes")), "a guest who types Bromley does not get its notes");
        assertEquals(List.of(), texts(review.view(ann).path("notes")));
        review.assertSharedViewsAgree();
    }

    @Test
    void theResultKeepsEachSitesQuestionsAndNotesWithoutThePersonalNotesAuthors() throws ActivityException {
        review.send(ann, "present", "{}");
        review.send(ben, "ask", "{\"text\":\"What changed in April?\"}");
        review.send(cath, "note", "{\"text\":\"Try huddles at night\",\"forSite\":false}");
        review.send(fiona, "next", "{}");
        review.send(cath, "note", "{\"text\":\"Share our audit with Bromley\",\"forSite\":true}");
        review.restart();
        review.end();
        DataReviewResult result = (DataReviewResult) review.published().get("Data review: Sepsis screening within an hour");
        String markdown = result.markdown();
        assertTrue(markdown.contains("## Ashford\n\nA shift at Ashford.\n\nPresented by Ann Nurse.\n\n### Questions\n\n"
                + "- What changed in April? (Ben Doctor)\n\n### What we take back\n\n- Try huddles at night (personal)\n"), markdown);
        assertTrue(markdown.contains("## Bromley\n\nA shift at Bromley.\n\nNobody presented the chart."), markdown);
        assertTrue(markdown.contains("- Share our audit with Bromley (Canterbury)"), markdown);
        assertFalse(markdown.contains("Cath"), "a personal note is kept without its author");
        assertEquals(List.of("Ashford", "question", "What changed in April?", "Ben Doctor", "no"), result.table().get(1));
    }

    @Test
    void refreshingReadsTheChartsAgainAndKeepsTheSiteOnTheScreen() throws ActivityException {
        review.send(fiona, "show", "{\"site\":1}");
        int before = measures.reads;
        measures.site("Aylesbury", true, List.of("p-7"), List.of());
        ActivityException participant = assertThrows(ActivityException.class, () -> review.send(ann, "refresh", "{}"));
        assertEquals("facilitator_only", participant.code());
        review.send(fiona, "refresh", "{}");
        assertEquals(before + 1, measures.reads);
        JsonNode view = review.view(fiona);
        assertEquals(List.of("Ashford", "Bromley", "Canterbury", "Aylesbury"), names(view.path("sites")));
        assertEquals("Bromley", view.path("turn").path("site").asText());
    }

    @Test
    void aMeasureTheCollaborativeDoesNotHaveIsRefusedNamingItsMeasures() {
        ActivityException refused = assertThrows(ActivityException.class, () -> ActivityHarness.start(
                new DataReviewActivityType(), new DataReviewConfig("Falls per 1000 bed days"), new InMemoryMeasures()));
        assertEquals("no_such_measure", refused.code());
        assertTrue(refused.getMessage().contains("Sepsis screening within an hour"), refused.getMessage());
    }

    @Test
    void questionsAndNotesNeedOneToFiveHundredCharacters() {
        ActivityException empty = assertThrows(ActivityException.class, () -> review.send(ann, "ask", "{\"text\":\"  \"}"));
        assertEquals("invalid_text", empty.code());
        String tooLong = "x".repeat(501);
        ActivityException longNote = assertThrows(ActivityException.class,
                () -> review.send(ann, "note", "{\"text\":\"" + tooLong + "\",\"forSite\":false}"));
        assertEquals("invalid_text", longNote.code());
    }

    private static List<String> names(JsonNode sites) {
        List<String> names = new java.util.ArrayList<>();
        sites.forEach(site -> names.add(site.path("name").asText()));
        return names;
    }

    private static List<String> texts(JsonNode notes) {
        List<String> texts = new java.util.ArrayList<>();
        notes.forEach(note -> texts.add(note.path("text").asText()));
        return texts;
    }
}
